import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { currentRequestContext, todayInChina } from '@app/common';
import { DOMAIN_EVENT_CATALOG, JobProcessor, outboxChannel, type DomainEventType, type JobExecution } from '@app/messaging';
import { updateReturning } from '@app/database';
import { AssociationEntity } from '../../associations/entities/association.entity';
import { allocateNumbers, certificateNumber, memberNumber } from '../../memberships/numbering';
import { LIVE_STATUSES } from '../../memberships/membership-state-machine';
import { parseMemberCsv, type MemberCsvRow } from '../member-csv';

/** Rows per transaction: big enough for set-based statements to pay off, small enough to report progress. */
export const IMPORT_CHUNK_ROWS = 2000;

/**
 * Imports member units from CSV: validates every row first (errors reported per row and column),
 * then upserts the valid rows by credit code in chunks, each chunk a handful of set-based statements
 * in one transaction, events included. Re-running the same file changes nothing.
 */
@Injectable()
export class ImportMembersProcessor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @JobProcessor('membership.members.import')
  async run(job: JobExecution<'membership.members.import'>): Promise<{ imported: number; rejected: number; newMembers: number }> {
    const { associationId, csv } = job.payload;
    const association = await this.dataSource.getRepository(AssociationEntity).findOneBy({ id: associationId });
    if (!association) throw new Error(`Association ${associationId} does not exist`);
    const fields: Array<{ id: string; name: string }> = await this.dataSource.query(`SELECT id, name FROM membership.field_of_work WHERE association_id = $1`, [associationId]);
    const fieldIds = new Map(fields.map((f) => [f.name, f.id]));
    const today = todayInChina();
    const parsed = parseMemberCsv(csv, new Set(fieldIds.keys()), today);
    // One item per data row; a file-level problem (no header, missing column) counts as one failed item.
    const byRow = new Map<number, string[]>();
    for (const error of parsed.errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), `${error.column}: ${error.reason}`]);
    const fileLevel = byRow.has(1) ? 1 : 0;
    await job.report.setTotal(fileLevel ? Math.max(1, parsed.total) : parsed.total);
    for (const [row, problems] of [...byRow.entries()].sort((a, b) => a[0] - b[0])) await job.report.failed(`row ${row}`, problems.join(' | '));
    let newMembers = 0;
    for (let start = 0; start < parsed.rows.length; start += IMPORT_CHUNK_ROWS) {
      const chunk = parsed.rows.slice(start, start + IMPORT_CHUNK_ROWS);
      try {
        newMembers += await this.dataSource.transaction((manager) => this.importChunk(manager, association, chunk, fieldIds, today));
        await job.report.succeeded(chunk.length);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        for (const row of chunk) await job.report.failed(`row ${row.row}`, `Not imported: ${message}`);
      }
    }
    return { imported: parsed.rows.length, rejected: byRow.size, newMembers };
  }

  private async importChunk(manager: EntityManager, association: AssociationEntity, rows: MemberCsvRow[], fieldIds: Map<string, string>, today: string): Promise<number> {
    const associationId = association.id;
    const correlationId = currentRequestContext()?.requestId ?? null;
    // 1. Organizations: insert new ones, update changed ones (revision + 1), leave identical ones alone.
    const changed: Array<{ id: string }> = await manager.query(
      `INSERT INTO membership.organization AS o (association_id, name, credit_code, legal_representative, registered_city, address, founded_on, technical_staff_count)
       SELECT $1, t.name, t.credit_code, t.legal_representative, t.registered_city, t.address, t.founded_on, t.technical_staff_count
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::int[])
           AS t(name, credit_code, legal_representative, registered_city, address, founded_on, technical_staff_count)
       ON CONFLICT (association_id, credit_code) DO UPDATE
         SET name = EXCLUDED.name, legal_representative = EXCLUDED.legal_representative, registered_city = EXCLUDED.registered_city,
             address = EXCLUDED.address, founded_on = EXCLUDED.founded_on, technical_staff_count = EXCLUDED.technical_staff_count,
             revision = o.revision + 1, updated_at = now()
         WHERE (o.name, o.legal_representative, o.registered_city, o.address, o.founded_on, o.technical_staff_count)
               IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.legal_representative, EXCLUDED.registered_city, EXCLUDED.address, EXCLUDED.founded_on, EXCLUDED.technical_staff_count)
       RETURNING o.id`,
      [
        associationId,
        rows.map((r) => r.name),
        rows.map((r) => r.creditCode),
        rows.map((r) => r.legalRepresentative),
        rows.map((r) => r.registeredCity),
        rows.map((r) => r.address),
        rows.map((r) => r.foundedOn),
        rows.map((r) => r.technicalStaffCount),
      ],
    );
    const organizations: Array<{ id: string; credit_code: string; live_membership_id: string | null; grade: string | null }> = await manager.query(
      `SELECT o.id, o.credit_code, m.id AS live_membership_id, m.grade
         FROM membership.organization o
         LEFT JOIN membership.membership m ON m.organization_id = o.id AND m.status = ANY($3)
        WHERE o.association_id = $1 AND o.credit_code = ANY($2)`,
      [associationId, rows.map((r) => r.creditCode), LIVE_STATUSES],
    );
    const byCode = new Map(organizations.map((o) => [o.credit_code, o]));
    // 2. Fields of work: replaced as a set.
    const pairs = rows.flatMap((r) => r.fieldsOfWork.map((name) => [byCode.get(r.creditCode)!.id, fieldIds.get(name)!] as const));
    await manager.query(`DELETE FROM membership.organization_field WHERE organization_id = ANY($1::uuid[])`, [organizations.map((o) => o.id)]);
    if (pairs.length > 0) {
      await manager.query(`INSERT INTO membership.organization_field (association_id, organization_id, field_id) SELECT $1, o, f FROM unnest($2::uuid[], $3::uuid[]) AS t(o, f)`, [
        associationId,
        pairs.map((p) => p[0]),
        pairs.map((p) => p[1]),
      ]);
    }
    // 3. Grades of live memberships follow the file.
    const regraded = rows.filter((r) => {
      const o = byCode.get(r.creditCode)!;
      return o.live_membership_id && o.grade !== r.grade;
    });
    if (regraded.length > 0) {
      await manager.query(
        `UPDATE membership.membership m SET grade = t.grade, revision = m.revision + 1, updated_at = now() FROM unnest($1::uuid[], $2::text[]) AS t(id, grade) WHERE m.id = t.id`,
        [regraded.map((r) => byCode.get(r.creditCode)!.live_membership_id), regraded.map((r) => r.grade)],
      );
    }
    // 4. New members: numbers allocated as one block each, memberships, history, organization status.
    const joining = rows.filter((r) => !byCode.get(r.creditCode)!.live_membership_id);
    let statusChanged: Array<{ id: string; previous: string }> = [];
    if (joining.length > 0) {
      const year = Number(today.slice(0, 4));
      const firstMember = await allocateNumbers(manager, associationId, 'member', joining.length);
      const firstCertificate = await allocateNumbers(manager, associationId, `certificate-${year}`, joining.length);
      const inserted: Array<{ id: string; organization_id: string }> = await manager.query(
        `INSERT INTO membership.membership (association_id, kind, organization_id, grade, status, member_number, certificate_number, admitted_on, valid_until)
         SELECT $1, 'UNIT', t.organization_id, t.grade, 'ACTIVE', t.member_number, t.certificate_number, $5::date, $6::date
           FROM unnest($2::uuid[], $3::text[], $4::text[], $7::text[]) AS t(organization_id, grade, member_number, certificate_number)
         RETURNING id, organization_id`,
        [
          associationId,
          joining.map((r) => byCode.get(r.creditCode)!.id),
          joining.map((r) => r.grade),
          joining.map((_, i) => memberNumber(association.shortCode, firstMember + i)),
          today,
          `${year}-12-31`,
          joining.map((_, i) => certificateNumber(association.shortCode, year, firstCertificate + i)),
        ],
      );
      await manager.query(
        `INSERT INTO membership.membership_status_change (association_id, membership_id, previous_status, status, effective_on, reason, decision_reference)
         SELECT $1, id, 'NONE', 'ACTIVE', $3::date, '批量导入会员名录', 'import' FROM unnest($2::uuid[]) AS id`,
        [associationId, inserted.map((m) => m.id), today],
      );
      statusChanged = await updateReturning<{ id: string; previous: string }>(
        manager,
        `UPDATE membership.organization o SET membership_status = 'ACTIVE', revision = o.revision + 1, updated_at = now()
           FROM (SELECT id, membership_status AS previous FROM membership.organization WHERE id = ANY($1::uuid[]) FOR UPDATE) old
          WHERE o.id = old.id
          RETURNING o.id, old.previous`,
        [inserted.map((m) => m.organization_id)],
      );
      await this.recordEvents(
        manager,
        'membership.member.admitted',
        associationId,
        correlationId,
        `SELECT jsonb_build_object('membershipId', m.id, 'kind', 'UNIT', 'organizationId', m.organization_id, 'personId', NULL, 'name', o.name,
                                   'grade', m.grade, 'memberNumber', m.member_number, 'admittedOn', to_char(m.admitted_on, 'YYYY-MM-DD'))
           FROM membership.membership m JOIN membership.organization o ON o.id = m.organization_id WHERE m.id = ANY($4::uuid[])`,
        [inserted.map((m) => m.id)],
      );
      await this.recordEvents(
        manager,
        'membership.membership.status-changed',
        associationId,
        correlationId,
        `SELECT jsonb_build_object('organizationId', o.id, 'previousStatus', t.previous, 'status', o.membership_status, 'reason', '批量导入会员名录', 'revision', o.revision)
           FROM unnest($4::uuid[], $5::text[]) AS t(id, previous) JOIN membership.organization o ON o.id = t.id`,
        [statusChanged.map((s) => s.id), statusChanged.map((s) => s.previous)],
      );
    }
    // 5. One full snapshot per organization that changed in any way.
    const snapshotIds = [...new Set([...changed.map((c) => c.id), ...statusChanged.map((s) => s.id)])];
    if (snapshotIds.length > 0) {
      await this.recordEvents(
        manager,
        'membership.organization.updated',
        associationId,
        correlationId,
        `SELECT jsonb_build_object('organizationId', o.id, 'name', o.name, 'creditCode', o.credit_code, 'membershipStatus', o.membership_status, 'revision', o.revision)
           FROM membership.organization o WHERE o.id = ANY($4::uuid[])`,
        [snapshotIds],
      );
      await manager.query('SELECT pg_notify($1, $2)', [outboxChannel('membership'), 'import']);
    }
    return joining.length;
  }

  /** Set-based outbox write: one row per payload the SELECT yields, the same envelope OutboxService writes. */
  private async recordEvents(manager: EntityManager, type: DomainEventType, associationId: string, correlationId: string | null, payloadSelect: string, params: unknown[]): Promise<void> {
    await manager.query(
      `INSERT INTO membership.outbox_event (id, type, version, association_id, payload, occurred_at, causation_id, correlation_id)
       SELECT gen_random_uuid(), $1, ${DOMAIN_EVENT_CATALOG[type].version}, $2, payload, now(), NULL, $3
         FROM (${payloadSelect}) AS events(payload)`,
      [type, associationId, correlationId, ...params],
    );
  }
}
