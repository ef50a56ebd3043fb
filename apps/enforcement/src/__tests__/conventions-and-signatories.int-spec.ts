import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Role } from '@app/auth';
import { dataOf, errorCodeOf, sqlQuery, startServiceInProcess, type GraphQLResponse, type InProcessService } from '@app/testing';
import { EnforcementAppModule } from '../app.module';
import { EnforcementConfig } from '../config/enforcement.config';
import { ConventionsService } from '../conventions/conventions.service';
import { SignatoriesService } from '../signatories/signatories.service';
import { EnforcementTestKit, sampleConventionText } from './enforcement-test-kit';

const reasonOf = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.reason;

const CREATE = `mutation($input: CreateConventionInput!) { createConvention(input: $input) { id conventionId status versionNumber title articles { number label chapterNumber items { marker text } } chapters { label title } importWarnings { kind } } }`;
const ADOPT = `mutation($input: AdoptConventionVersionInput!) { adoptConventionVersion(input: $input) { id status adoptionMethod adoptedOn effectiveOn publicationDeadline approvingAuthority } }`;
const VERSION = `query($id: ID!) { conventionVersion(id: $id) { id status supersededOn supersededByVersionId publicationDeadline publishedOn publicationWarning { level daysLeft } } }`;
const SIGN = `mutation($input: SignConventionInput!) { signConvention(input: $input) { id organizationName signedOn signerName inForce } }`;
const WITHDRAW = `mutation($input: WithdrawFromConventionInput!) { withdrawFromConvention(input: $input) { id endReason noticeOn endedOn inForce } }`;

describe('conventions and signatories (in process, real PostgreSQL and Redis)', () => {
  let service: InProcessService<EnforcementConfig>;
  let kit: EnforcementTestKit;
  const associationId = randomUUID();
  let staff: string;

  beforeAll(async () => {
    service = await startServiceInProcess(EnforcementConfig, (c) => EnforcementAppModule.forRoot(c), 'enforcement');
    kit = new EnforcementTestKit(service);
    staff = kit.token(associationId, Role.SECRETARIAT);
  });

  afterAll(async () => {
    await service?.close();
  });

  async function create(input: Record<string, unknown>) {
    return kit.gql<{ createConvention: { id: string; conventionId: string; status: string; articles: Array<{ number: number; label: string; chapterNumber: number | null; items: Array<{ marker: string }> }>; chapters: Array<{ label: string; title: string }>; importWarnings: Array<{ kind: string }> } }>(
      CREATE,
      { input: { associationId, executingBody: '示范行业协会', text: sampleConventionText(), ...input } },
      staff,
    );
  }

  async function versionStatus(id: string) {
    return dataOf(await kit.gql<{ conventionVersion: { status: string; supersededOn: string | null; supersededByVersionId: string | null; publicationDeadline: string | null; publishedOn: string | null; publicationWarning: { level: string; daysLeft: number } | null } }>(VERSION, { id }, staff)).conventionVersion;
  }

  describe('version lifecycle and adoption requirements', () => {
    it('imports the draft text into chapters, articles and items; only staff may create', async () => {
      const created = dataOf(await create({ kind: 'CONVENTION', title: '结构测试公约' })).createConvention;
      expect(created.status).toBe('DRAFT');
      expect(created.chapters).toEqual([{ label: '第一章', title: '总则' }, { label: '第二章', title: '自律条款' }]);
      expect(created.articles.map((a) => a.label)).toEqual(['第一条', '第二条', '第三条', '第四条', '第五条', '第六条', '第七条', '第八条']);
      expect(created.articles[2].items.map((i) => i.marker)).toEqual(['（一）', '（二）']);
      expect(created.importWarnings.map((w) => w.kind)).toContain('TRAILER_SKIPPED');

      const rep = kit.token(associationId, Role.MEMBER_REP, randomUUID());
      const refused = await kit.gql(CREATE, { input: { associationId, kind: 'CONVENTION', title: '无权创建', executingBody: '协会', text: sampleConventionText() } }, rep);
      expect(errorCodeOf(refused)).toBe('FORBIDDEN');
      const noArticles = await create({ kind: 'CONVENTION', title: '无条文', text: '只有一段说明。' });
      expect(reasonOf(noArticles)).toBe('TEXT_HAS_NO_ARTICLES');
      expect(await sqlQuery(service.databaseUrl, `SELECT 1 FROM enforcement.convention WHERE title IN ('无权创建', '无条文')`)).toEqual([]);
    });

    it('refuses adoption without the competent authority’s approval when required, and without a resolution for a congress vote; nothing changes', async () => {
      const created = dataOf(await create({ kind: 'CONVENTION', title: '须批准公约', requiresAuthorityApproval: true, competentAuthority: '区网信办' })).createConvention;
      const base = { versionId: created.id, method: 'MEMBER_CONGRESS_VOTE', adoptedOn: kit.today, effectiveOn: kit.today };
      expect(reasonOf(await kit.gql(ADOPT, { input: { ...base, reference: '2024年会员大会决议' } }, staff))).toBe('AUTHORITY_APPROVAL_REQUIRED');
      expect(reasonOf(await kit.gql(ADOPT, { input: { ...base, authorityApproval: { authority: '区网信办', reference: '网信批〔2024〕1号', approvedOn: kit.today } } }, staff))).toBe('ADOPTION_RECORD_INCOMPLETE');
      expect(reasonOf(await kit.gql(ADOPT, { input: { ...base, method: 'AMENDMENT_BALLOT', reference: 'x' } }, staff))).toBe('ADOPTION_METHOD_NOT_ALLOWED');
      expect(reasonOf(await kit.gql(ADOPT, { input: { ...base, effectiveOn: kit.daysFromToday(-1), reference: 'x' } }, staff))).toBe('INVALID_DATE');
      expect((await versionStatus(created.id)).status).toBe('DRAFT');

      const adopted = dataOf(
        await kit.gql<{ adoptConventionVersion: { status: string; publicationDeadline: string; approvingAuthority: string } }>(
          ADOPT,
          { input: { ...base, reference: '2024年会员大会决议', authorityApproval: { authority: '区网信办', reference: '网信批〔2024〕1号', approvedOn: kit.today } } },
          staff,
        ),
      ).adoptConventionVersion;
      expect(adopted).toMatchObject({ status: 'EFFECTIVE', publicationDeadline: kit.daysFromToday(30), approvingAuthority: '区网信办' });
    });

    it('initiator signatures: a delegate needs an authorisation; a future effective date waits for the daily run, then supersedes the version in effect', async () => {
      const created = dataOf(await create({ kind: 'CODE_OF_ETHICS', title: '职业道德准则示范' })).createConvention;
      const delegate = { name: '发起单位乙', signerCapacity: 'DELEGATE', signedOn: kit.today };
      const input = { versionId: created.id, method: 'INITIATOR_SIGNATURES', adoptedOn: kit.today, effectiveOn: kit.today };
      expect(reasonOf(await kit.gql(ADOPT, { input: { ...input, initiators: [delegate] } }, staff))).toBe('ADOPTION_RECORD_INCOMPLETE');
      expect(reasonOf(await kit.gql(ADOPT, { input }, staff))).toBe('ADOPTION_RECORD_INCOMPLETE');
      dataOf(await kit.gql(ADOPT, { input: { ...input, initiators: [{ ...delegate, authorisationReference: '授权书2024-01' }] } }, staff));
      expect((await versionStatus(created.id)).status).toBe('EFFECTIVE');

      // A code of ethics may be revised by the secretariat and re-adopted by the congress.
      const revision = dataOf(
        await kit.gql<{ startConventionRevision: { id: string; versionNumber: number } }>(
          `mutation($input: StartConventionRevisionInput!) { startConventionRevision(input: $input) { id versionNumber } }`,
          { input: { conventionId: created.conventionId, text: sampleConventionText(9) } },
          staff,
        ),
      ).startConventionRevision;
      expect(revision.versionNumber).toBe(2);
      const later = kit.daysFromToday(10);
      const adopted = dataOf(await kit.gql<{ adoptConventionVersion: { status: string } }>(ADOPT, { input: { versionId: revision.id, method: 'MEMBER_CONGRESS_VOTE', reference: '会员大会决议', adoptedOn: kit.today, effectiveOn: later } }, staff));
      expect(adopted.adoptConventionVersion.status).toBe('ADOPTED');

      const conventions = service.app.get(ConventionsService);
      expect(await conventions.applyDueEffectiveDates(kit.daysFromToday(9))).toEqual([]);
      const applied = await conventions.applyDueEffectiveDates(later);
      expect(applied.map((v) => v.id)).toContain(revision.id);
      expect(await versionStatus(revision.id)).toMatchObject({ status: 'EFFECTIVE', publicationDeadline: kit.daysFromToday(40) });
      expect(await versionStatus(created.id)).toMatchObject({ status: 'SUPERSEDED', supersededOn: later, supersededByVersionId: revision.id });
    });

    it('a convention that has been in effect changes only by amendment ballot', async () => {
      const { conventionId } = await kit.effectiveConvention(associationId, staff);
      const revision = dataOf(
        await kit.gql<{ startConventionRevision: { id: string } }>(
          `mutation($input: StartConventionRevisionInput!) { startConventionRevision(input: $input) { id } }`,
          { input: { conventionId, text: sampleConventionText(9) } },
          staff,
        ),
      ).startConventionRevision;
      const refused = await kit.gql(ADOPT, { input: { versionId: revision.id, method: 'MEMBER_CONGRESS_VOTE', reference: '决议', adoptedOn: kit.today, effectiveOn: kit.today } }, staff);
      expect(reasonOf(refused)).toBe('AMENDMENT_BALLOT_REQUIRED');
      expect((await versionStatus(revision.id)).status).toBe('DRAFT');
    });

    it('an annex needs the parent in effect and the consent of a majority of its signatory units', async () => {
      const parent = await kit.effectiveConvention(associationId, staff);
      const units = await kit.addOrganizations(associationId, 3, '附件测试单位');
      for (const unit of units) await kit.sign(parent.versionId, unit, staff);
      const annex = dataOf(await create({ kind: 'SUB_INDUSTRY_AGREEMENT', title: '分行业自律协议', parentConventionId: parent.conventionId })).createConvention;
      const input = { versionId: annex.id, method: 'SIGNATORY_CONSENT', reference: '签约单位书面同意汇总', adoptedOn: kit.today, effectiveOn: kit.today };
      expect(reasonOf(await kit.gql(ADOPT, { input: { ...input, consentingUnits: 1 } }, staff))).toBe('INSUFFICIENT_CONSENT');
      expect(reasonOf(await kit.gql(ADOPT, { input: { ...input, method: 'MEMBER_CONGRESS_VOTE', consentingUnits: 2 } }, staff))).toBe('ADOPTION_METHOD_NOT_ALLOWED');
      expect(dataOf(await kit.gql<{ adoptConventionVersion: { status: string } }>(ADOPT, { input: { ...input, consentingUnits: 2 } }, staff)).adoptConventionVersion.status).toBe('EFFECTIVE');
      expect(reasonOf(await create({ kind: 'CONVENTION', title: '错挂附件', parentConventionId: parent.conventionId }))).toBe('PARENT_CONVENTION_REQUIRED');
    });
  });

  describe('publication deadline', () => {
    it('warns when the 30-day deadline nears and once it has passed; a recorded publication clears it', async () => {
      const effectiveOn = kit.daysFromToday(-25);
      const { versionId } = await kit.effectiveConvention(associationId, staff, { effectiveOn });
      expect((await versionStatus(versionId)).publicationWarning).toEqual({ level: 'DUE_SOON', daysLeft: 5 });
      const query = `query($a: ID!, $asOf: String) { conventionPublicationWarnings(associationId: $a, asOf: $asOf) { versionId level daysLeft publicationDeadline } }`;
      const later = dataOf(await kit.gql<{ conventionPublicationWarnings: Array<{ versionId: string; level: string; daysLeft: number }> }>(query, { a: associationId, asOf: kit.daysFromToday(8) }, staff));
      expect(later.conventionPublicationWarnings.find((w) => w.versionId === versionId)).toMatchObject({ level: 'OVERDUE', daysLeft: -3 });
      expect(errorCodeOf(await kit.gql(query, { a: associationId }, kit.token(associationId, Role.MEMBER_REP, randomUUID())))).toBe('FORBIDDEN');

      dataOf(await kit.gql(`mutation($input: RecordConventionPublicationInput!) { recordConventionPublication(input: $input) { publishedOn } }`, { input: { versionId, publishedOn: kit.today, channel: '协会网站' } }, staff));
      expect((await versionStatus(versionId)).publicationWarning).toBeNull();
      const warnings = await service.app.get(ConventionsService).publicationWarnings(associationId, kit.daysFromToday(8));
      expect(warnings.map((w) => w.version.id)).not.toContain(versionId);
    });
  });

  describe('signing and withdrawal', () => {
    it('enforces the signing rules and records enforcement.convention.signed', async () => {
      const { versionId, conventionId } = await kit.effectiveConvention(associationId, staff);
      const unit = await kit.addOrganization(associationId, '非会员签约单位', 'NONE');
      const rep = kit.token(associationId, Role.MEMBER_REP, unit);
      const base = { conventionVersionId: versionId, organizationId: unit, signerCapacity: 'LEGAL_REPRESENTATIVE', signerName: '李四', signedOn: kit.today };

      expect(reasonOf(await kit.gql(SIGN, { input: { ...base, signerCapacity: 'DELEGATE' } }, rep))).toBe('AUTHORISATION_REQUIRED');
      expect(reasonOf(await kit.gql(SIGN, { input: { ...base, organizationId: randomUUID() } }, staff))).toBe('UNKNOWN_ORGANIZATION');
      const otherUnit = await kit.addOrganization(associationId, '他人单位');
      expect(errorCodeOf(await kit.gql(SIGN, { input: { ...base, organizationId: otherUnit } }, rep))).toBe('FORBIDDEN');
      expect(reasonOf(await kit.gql(SIGN, { input: { ...base, signedOn: kit.daysFromToday(1) } }, rep))).toBe('INVALID_DATE');
      const draft = dataOf(await create({ kind: 'CONVENTION', title: '草案不可签' })).createConvention;
      expect(reasonOf(await kit.gql(SIGN, { input: { ...base, conventionVersionId: draft.id } }, rep))).toBe('VERSION_NOT_SIGNABLE');
      const foreignUnit = await kit.addOrganization(randomUUID(), '他协会单位');
      expect(reasonOf(await kit.gql(SIGN, { input: { ...base, organizationId: foreignUnit } }, staff))).toBe('UNKNOWN_ORGANIZATION');
      expect(await sqlQuery(service.databaseUrl, `SELECT 1 FROM enforcement.convention_signature WHERE convention_id = $1`, [conventionId])).toEqual([]);

      const signed = dataOf(await kit.gql<{ signConvention: { id: string; organizationName: string; inForce: boolean; signerName: string } }>(SIGN, { input: { ...base, signerCapacity: 'DELEGATE', authorisationReference: '授权委托书001' } }, rep)).signConvention;
      expect(signed).toMatchObject({ organizationName: '非会员签约单位', inForce: true, signerName: '李四' });
      expect(reasonOf(await kit.gql(SIGN, { input: base }, rep))).toBe('ALREADY_SIGNATORY');
      expect(await kit.outboxOf('enforcement.convention.signed', 'signatureId', signed.id)).toEqual([
        { payload: { signatureId: signed.id, conventionId, conventionVersionId: versionId, organizationId: unit, signedOn: kit.today, restoresSignatureId: null } },
      ]);

      // The public reads the list without signer details.
      const list = `query($c: ID!) { conventionSignatures(conventionId: $c) { totalCount nodes { organizationName signerName signerCapacity inForce } } }`;
      const publicList = dataOf(await kit.gql<{ conventionSignatures: { totalCount: number; nodes: Array<Record<string, unknown>> } }>(list, { c: conventionId }));
      const publicText = dataOf(await kit.gql<{ conventionVersion: { sourceText: string | null; articles: unknown[] } }>(`query($id: ID!) { conventionVersion(id: $id) { sourceText articles { number } } }`, { id: versionId }));
      expect(publicText.conventionVersion).toEqual({ sourceText: null, articles: expect.arrayContaining([{ number: 1 }]) });
      expect(errorCodeOf(await kit.gql(`query($id: ID!) { conventionVersion(id: $id) { id } }`, { id: draft.id }))).toBe('NOT_FOUND');
      expect(publicList.conventionSignatures.nodes).toEqual([{ organizationName: '非会员签约单位', signerName: null, signerCapacity: null, inForce: true }]);
      const own = dataOf(await kit.gql<{ organizationSignatures: Array<{ id: string; signerCapacity: string }> }>(`query($o: ID!) { organizationSignatures(organizationId: $o) { id signerCapacity } }`, { o: unit }, rep));
      expect(own.organizationSignatures).toEqual([{ id: signed.id, signerCapacity: 'DELEGATE' }]);
    });

    it('withdrawal by notice ends the signature on the given day, once; revocation only through a sanction', async () => {
      const { versionId, conventionId } = await kit.effectiveConvention(associationId, staff, { effectiveOn: kit.daysFromToday(-20) });
      const unit = await kit.addOrganization(associationId, '退出单位');
      const rep = kit.token(associationId, Role.MEMBER_REP, unit);
      const signatureId = await kit.sign(versionId, unit, staff, kit.daysFromToday(-10));
      expect(reasonOf(await kit.gql(WITHDRAW, { input: { signatureId, noticeOn: kit.today, endsOn: kit.daysFromToday(-1) } }, rep))).toBe('INVALID_DATE');
      const ended = dataOf(await kit.gql<{ withdrawFromConvention: Record<string, unknown> }>(WITHDRAW, { input: { signatureId, noticeOn: kit.today, endsOn: kit.daysFromToday(30) } }, rep)).withdrawFromConvention;
      expect(ended).toMatchObject({ endReason: 'WITHDRAWAL', endedOn: kit.daysFromToday(30), inForce: true });
      expect(reasonOf(await kit.gql(WITHDRAW, { input: { signatureId, noticeOn: kit.today, endsOn: kit.daysFromToday(31) } }, rep))).toBe('SIGNATURE_ENDED');
      // Still bound until the end date: signing again is refused.
      expect(reasonOf(await kit.gql(SIGN, { input: { conventionVersionId: versionId, organizationId: unit, signerCapacity: 'LEGAL_REPRESENTATIVE', signerName: '王五', signedOn: kit.today } }, rep))).toBe('ALREADY_SIGNATORY');
      expect((await kit.outboxOf('enforcement.signature.withdrawn', 'signatureId', signatureId)).map((r) => r.payload)).toEqual([
        { signatureId, conventionId, organizationId: unit, reason: 'WITHDRAWAL', endedOn: kit.daysFromToday(30) },
      ]);

      // A sanction revokes inside its own transaction (the earlier date wins over the pending withdrawal).
      const signatories = service.app.get(SignatoriesService);
      const dataSource = service.app.get<DataSource>(getDataSourceToken());
      const sanctionId = randomUUID();
      await dataSource.transaction((manager) => signatories.revokeInTransaction(manager, { associationId, organizationId: unit, conventionId, sanctionId, endedOn: kit.today }));
      // The notice is kept: an appeal that overturns the revocation must not bind the unit past it.
      const rows = await sqlQuery(service.databaseUrl, `SELECT end_reason, ended_on::text, sanction_id, notice_on::text, withdrawal_ends_on::text FROM enforcement.convention_signature WHERE id = $1`, [signatureId]);
      expect(rows).toEqual([{ end_reason: 'REVOCATION', ended_on: kit.today, sanction_id: sanctionId, notice_on: kit.today, withdrawal_ends_on: kit.daysFromToday(30) }]);
      const events = (await kit.outboxOf('enforcement.signature.withdrawn', 'signatureId', signatureId)).map((r) => r.payload.reason);
      expect(events).toEqual(['WITHDRAWAL', 'REVOCATION']);
      const SIGNATURES_OF = `query($o: ID!) { organizationSignatures(organizationId: $o) { id endReason noticeOn endedOn withdrawalEndsOn restoresSignatureId inForce } }`;
      const seenByUnit = dataOf(await kit.gql<{ organizationSignatures: Array<Record<string, unknown>> }>(SIGNATURES_OF, { o: unit }, rep)).organizationSignatures;
      expect(seenByUnit).toEqual([{ id: signatureId, endReason: 'REVOCATION', noticeOn: kit.today, endedOn: kit.today, withdrawalEndsOn: kit.daysFromToday(30), restoresSignatureId: null, inForce: false }]);

      // Overturned once the notice's day has come: the unit has left by its own notice, nothing is restored.
      const restore = (restoredOn: string) => dataSource.transaction((manager) => signatories.restoreInTransaction(manager, { associationId, signatureId, restoredOn, recordedBy: randomUUID() }));
      await expect(dataSource.transaction(async (manager) => {
        expect(await signatories.restoreInTransaction(manager, { associationId, signatureId, restoredOn: kit.daysFromToday(30), recordedBy: randomUUID() })).toEqual({ outcome: 'WITHDRAWN_MEANWHILE', signature: null });
        throw new Error('look only');
      })).rejects.toThrow('look only');
      // Overturned before it: restored until the notice's day, which the unit and the events see as a withdrawal.
      const restored = await restore(kit.today);
      expect(restored).toMatchObject({ outcome: 'RESTORED', signature: { signedOn: kit.today, endReason: 'WITHDRAWAL', noticeOn: kit.today, endedOn: kit.daysFromToday(30), withdrawalEndsOn: null, restoresSignatureId: signatureId } });
      const restoredId = restored.signature!.id;
      expect((await kit.outboxOf('enforcement.signature.withdrawn', 'signatureId', restoredId)).map((r) => r.payload)).toEqual([
        { signatureId: restoredId, conventionId, organizationId: unit, reason: 'WITHDRAWAL', endedOn: kit.daysFromToday(30) },
      ]);
      const afterRestoration = dataOf(await kit.gql<{ organizationSignatures: Array<Record<string, unknown>> }>(SIGNATURES_OF, { o: unit }, rep)).organizationSignatures;
      expect(afterRestoration).toContainEqual({ id: restoredId, endReason: 'WITHDRAWAL', noticeOn: kit.today, endedOn: kit.daysFromToday(30), withdrawalEndsOn: null, restoresSignatureId: signatureId, inForce: true });
      // The public sees neither the notice nor what it would have done.
      const publicList = dataOf(await kit.gql<{ conventionSignatures: { nodes: Array<Record<string, unknown>> } }>(`query($c: ID!) { conventionSignatures(conventionId: $c, first: 100) { nodes { organizationId noticeOn withdrawalEndsOn } } }`, { c: conventionId })).conventionSignatures;
      expect(publicList.nodes.filter((n) => n.organizationId === unit)).toEqual([
        { organizationId: unit, noticeOn: null, withdrawalEndsOn: null },
        { organizationId: unit, noticeOn: null, withdrawalEndsOn: null },
      ]);
      // A rolled-back sanction revokes nothing.
      const other = await kit.addOrganization(associationId, '回滚单位');
      const otherSignature = await kit.sign(versionId, other, staff);
      await expect(
        dataSource.transaction(async (manager) => {
          await signatories.revokeInTransaction(manager, { associationId, signatureId: otherSignature, sanctionId: randomUUID(), endedOn: kit.today });
          throw new Error('sanction failed');
        }),
      ).rejects.toThrow('sanction failed');
      expect(await kit.outboxOf('enforcement.signature.withdrawn', 'signatureId', otherSignature)).toEqual([]);
    });

    it('restoring a revoked signature: only a revoked one; nothing when the convention has no version in effect; a rolled-back review restores nothing', async () => {
      const signatories = service.app.get(SignatoriesService);
      const dataSource = service.app.get<DataSource>(getDataSourceToken());
      const restore = (signatureId: string) => dataSource.transaction((manager) => signatories.restoreInTransaction(manager, { associationId, signatureId, restoredOn: kit.today, recordedBy: randomUUID() }));

      // Adopted, taking effect next month: signable, but no version is in effect yet.
      const created = dataOf(await create({ kind: 'CONVENTION', title: '下月施行的公约' })).createConvention;
      dataOf(await kit.gql(ADOPT, { input: { versionId: created.id, method: 'INITIATOR_SIGNATURES', adoptedOn: kit.today, effectiveOn: kit.daysFromToday(30), initiators: [{ name: '发起单位甲', signerCapacity: 'LEGAL_REPRESENTATIVE', signedOn: kit.today }] } }, staff));
      const [pending, signedOnly] = await kit.addOrganizations(associationId, 2, '恢复测试单位');
      const signatureId = await kit.sign(created.id, pending, staff);
      await expect(restore(signatureId)).rejects.toMatchObject({ reason: 'SIGNATURE_NOT_REVOKED' });
      await dataSource.transaction((manager) => signatories.revokeInTransaction(manager, { associationId, signatureId, sanctionId: randomUUID(), endedOn: kit.today }));
      expect(await restore(signatureId)).toEqual({ outcome: 'NO_SIGNABLE_VERSION', signature: null });
      expect(await sqlQuery(service.databaseUrl, `SELECT id FROM enforcement.convention_signature WHERE organization_id = $1`, [pending])).toEqual([{ id: signatureId }]);

      // In effect: restored, unless the transaction that restores rolls back.
      const { versionId } = await kit.effectiveConvention(associationId, staff);
      const revoked = await kit.sign(versionId, signedOnly, staff);
      await dataSource.transaction((manager) => signatories.revokeInTransaction(manager, { associationId, signatureId: revoked, sanctionId: randomUUID(), endedOn: kit.today }));
      await expect(
        dataSource.transaction(async (manager) => {
          expect((await signatories.restoreInTransaction(manager, { associationId, signatureId: revoked, restoredOn: kit.today, recordedBy: randomUUID() })).outcome).toBe('RESTORED');
          throw new Error('review failed');
        }),
      ).rejects.toThrow('review failed');
      expect(await sqlQuery(service.databaseUrl, `SELECT id FROM enforcement.convention_signature WHERE organization_id = $1`, [signedOnly])).toEqual([{ id: revoked }]);
      expect(await kit.outboxOf('enforcement.convention.signed', 'restoresSignatureId', revoked)).toEqual([]);
      const restored = await restore(revoked);
      expect(restored).toMatchObject({ outcome: 'RESTORED', signature: { conventionVersionId: versionId, signedOn: kit.today, restoresSignatureId: revoked } });
      // Restored once: a second restoration finds the unit a signatory.
      expect(await restore(revoked)).toEqual({ outcome: 'ALREADY_SIGNATORY', signature: null });
    });

    it('the bulletin of a period lists who joined and who left in it', async () => {
      const bulletinAssociation = randomUUID();
      const bulletinStaff = kit.token(bulletinAssociation, Role.SECRETARIAT);
      const { versionId } = await kit.effectiveConvention(bulletinAssociation, bulletinStaff, { effectiveOn: kit.daysFromToday(-60) });
      const [early, inPeriod, leaver] = await kit.addOrganizations(bulletinAssociation, 3, '公告单位');
      await kit.sign(versionId, early, bulletinStaff, kit.daysFromToday(-50));
      await kit.sign(versionId, inPeriod, bulletinStaff, kit.daysFromToday(-20));
      const leaving = await kit.sign(versionId, leaver, bulletinStaff, kit.daysFromToday(-40));
      dataOf(await kit.gql(WITHDRAW, { input: { signatureId: leaving, noticeOn: kit.daysFromToday(-15), endsOn: kit.daysFromToday(-10) } }, bulletinStaff));
      const query = `query($a: ID!, $from: String!, $to: String!) { signatoryBulletin(associationId: $a, from: $from, to: $to) { joined { organizationName date reason } left { organizationName date reason } } }`;
      const bulletin = dataOf(await kit.gql<{ signatoryBulletin: unknown }>(query, { a: bulletinAssociation, from: kit.daysFromToday(-30), to: kit.daysFromToday(-1) }, kit.token(bulletinAssociation, Role.REGULATOR)));
      expect(bulletin.signatoryBulletin).toEqual({
        joined: [{ organizationName: '公告单位2', date: kit.daysFromToday(-20), reason: null }],
        left: [{ organizationName: '公告单位3', date: kit.daysFromToday(-10), reason: 'WITHDRAWAL' }],
      });
      expect(reasonOf(await kit.gql(query, { a: bulletinAssociation, from: kit.today, to: kit.daysFromToday(-1) }, bulletinStaff))).toBe('INVALID_PERIOD');
      expect(errorCodeOf(await kit.gql(query, { a: bulletinAssociation, from: kit.today, to: kit.today }))).toBe('UNAUTHENTICATED');
    });
  });
});
