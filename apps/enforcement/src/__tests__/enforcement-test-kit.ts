import { randomUUID } from 'node:crypto';
import { AccessTokenSigner, Role } from '@app/auth';
import { aCreditCode, dataOf, graphql, sqlQuery, type InProcessService } from '@app/testing';
import { addDays, todayInChina } from '@app/common';
import type { EnforcementConfig } from '../config/enforcement.config';

/** Helpers for enforcement's integration tests (one in-process service per file). */
export class EnforcementTestKit {
  constructor(readonly service: InProcessService<EnforcementConfig>) {}

  /** Read on every use: a run that passes midnight in China must not send yesterday as today. */
  get today(): string {
    return todayInChina();
  }

  daysFromToday(days: number): string {
    return addDays(this.today, days);
  }

  token(associationId: string, role: Role, organizationId: string | null = null): string {
    const signer = new AccessTokenSigner(this.service.keys.AUTH_PRIVATE_KEY);
    return signer.sign({ accountId: randomUUID(), email: null, kind: 'PERSON', platformAdmin: false, grants: [{ associationId, role, organizationId }] }, 600).token;
  }

  /** Puts a unit in the organization directory, as membership's events would. */
  async addOrganization(associationId: string, name: string, membershipStatus = 'NONE'): Promise<string> {
    const id = randomUUID();
    await sqlQuery(
      this.service.databaseUrl,
      `INSERT INTO enforcement.organization_directory (organization_id, association_id, name, credit_code, membership_status, revision, last_event_id, source_updated_at)
       VALUES ($1, $2, $3, $4, $5, 1, $6, now())`,
      [id, associationId, name, aCreditCode(), membershipStatus, randomUUID()],
    );
    return id;
  }

  async addOrganizations(associationId: string, count: number, prefix = '签约单位'): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    await sqlQuery(
      this.service.databaseUrl,
      `INSERT INTO enforcement.organization_directory (organization_id, association_id, name, credit_code, membership_status, revision, last_event_id, source_updated_at)
       SELECT id, $2, $3 || ord, $4 || lpad(ord::text, 4, '0'), 'NONE', 1, gen_random_uuid(), now() FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`,
      [ids, associationId, prefix, aCreditCode().slice(0, 14)],
    );
    return ids;
  }

  async gql<T>(query: string, variables: Record<string, unknown>, token?: string) {
    return graphql<T>(this.service.url, query, variables, { token });
  }

  /** Creates a convention and brings version 1 into effect by initiator signatures; returns ids. */
  async effectiveConvention(associationId: string, staffToken: string, options: { title?: string; effectiveOn?: string; text?: string } = {}): Promise<{ conventionId: string; versionId: string }> {
    const created = dataOf(
      await this.gql<{ createConvention: { id: string; conventionId: string } }>(
        `mutation($input: CreateConventionInput!) { createConvention(input: $input) { id conventionId } }`,
        {
          input: {
            associationId,
            kind: 'CONVENTION',
            title: options.title ?? `示范自律公约${randomUUID().slice(0, 8)}`,
            executingBody: '示范行业协会',
            text: options.text ?? sampleConventionText(),
          },
        },
        staffToken,
      ),
    );
    const effectiveOn = options.effectiveOn ?? this.today;
    dataOf(
      await this.gql(
        `mutation($input: AdoptConventionVersionInput!) { adoptConventionVersion(input: $input) { status } }`,
        {
          input: {
            versionId: created.createConvention.id,
            method: 'INITIATOR_SIGNATURES',
            adoptedOn: effectiveOn,
            effectiveOn,
            initiators: [{ name: '发起单位甲', signerCapacity: 'LEGAL_REPRESENTATIVE', signedOn: effectiveOn }],
          },
        },
        staffToken,
      ),
    );
    return { conventionId: created.createConvention.conventionId, versionId: created.createConvention.id };
  }

  /** Signs for a unit as its legal representative (recorded by staff). */
  async sign(versionId: string, organizationId: string, staffToken: string, signedOn = this.today): Promise<string> {
    const result = dataOf(
      await this.gql<{ signConvention: { id: string } }>(
        `mutation($input: SignConventionInput!) { signConvention(input: $input) { id } }`,
        { input: { conventionVersionId: versionId, organizationId, signerCapacity: 'LEGAL_REPRESENTATIVE', signerName: '张三', signedOn } },
        staffToken,
      ),
    );
    return result.signConvention.id;
  }

  /** Records signatures straight in the table (fast set-up for tests that need many signatories; signing itself is tested through the API). */
  async signDirectly(associationId: string, conventionId: string, versionId: string, organizationIds: string[], signedOn = this.today): Promise<void> {
    await sqlQuery(
      this.service.databaseUrl,
      `INSERT INTO enforcement.convention_signature (association_id, convention_id, convention_version_id, organization_id, signer_capacity, signer_name, signed_on, recorded_by)
       SELECT $1, $2, $3, o, 'LEGAL_REPRESENTATIVE', '测试签字人', $5, $6 FROM unnest($4::uuid[]) AS o`,
      [associationId, conventionId, versionId, organizationIds, signedOn, randomUUID()],
    );
  }

  async outboxOf(type: string, key: string, value: string): Promise<Array<{ payload: Record<string, unknown> }>> {
    return sqlQuery(this.service.databaseUrl, `SELECT payload FROM enforcement.outbox_event WHERE type = $1 AND payload->>$2 = $3 ORDER BY position`, [type, key, value]);
  }
}

/** A small synthetic convention with chapters, items and an execution chapter (not a real document). */
export function sampleConventionText(articles = 8): string {
  const lines = ['示范行业自律公约', '第一章　总　则', '第一条 为规范示范行业经营行为，制定本公约。', '第二条 本公约由示范行业协会负责执行。', '第二章 自律条款', '第三条 签约单位应当：', '（一）依法经营；', '(二) 保护用户信息。'];
  const numerals = ['四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一'];
  for (let n = 4; n <= articles; n += 1) lines.push(`第${numerals[n - 4]}条 示范条款第${n}号。`);
  lines.push('签约单位：（盖章）');
  return lines.join('\n');
}
