import type { DataSource, EntityManager } from 'typeorm';
import { Role, hashPassword } from '@app/auth';
import { computeCreditCodeCheckCharacter, todayInChina } from '@app/common';
import { OutboxService, type CouncilPostName } from '@app/messaging';
import { DEFAULT_FIELDS_OF_WORK, insertFields } from '../fields-of-work/fields-of-work.service';
import { DEMO_PASSWORD } from '../identity/password-policy';

export const DEMO_ADMIN_EMAIL = 'admin@example.org';
export const DEMO_ASSOCIATION_CODE = 'DEMOCSA';

/** Fictitious units of the demo association: name, credit-code body (17 characters), status. */
const DEMO_UNITS: ReadonlyArray<[string, string, 'ACTIVE' | 'PENDING' | 'GRACE', string, string]> = [
  ['示例云盾信息技术有限公司', '91420100300000001', 'ACTIVE', 'VICE_PRESIDENT', '主机安全'],
  ['示例安信数据科技有限公司', '91420100300000002', 'ACTIVE', 'COUNCIL', '数据安全'],
  ['示例边界网络安全股份有限公司', '91420100300000003', 'ACTIVE', 'MEMBER', '边界安全'],
  ['示例工控安全研究院有限公司', '91420100300000004', 'GRACE', 'STANDING_COUNCIL', '工业信息安全'],
  ['示例应用安全测评中心有限公司', '91420100300000005', 'PENDING', 'MEMBER', '应用安全'],
];

/**
 * Loads the demo association, its admin and a few member units. Idempotent: what exists is left
 * alone, so it can run at every start. Refuses to run in production (the password is published).
 */
export async function loadDemoData(dataSource: DataSource, log: (line: string) => void = console.log): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('Demo data is never loaded in production');
  const outbox = new OutboxService('membership');
  await dataSource.transaction(async (manager) => {
    // One loader at a time, even when several starts race.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('zilv-demo-data'))`);
    let [association] = await manager.query(`SELECT id FROM membership.association WHERE short_code = $1`, [DEMO_ASSOCIATION_CODE]);
    if (!association) {
      [association] = await manager.query(
        `INSERT INTO membership.association (name, short_code, executing_body, supervising_authority)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        ['示例市网络安全协会', DEMO_ASSOCIATION_CODE, '示例市网络安全协会秘书处', '示例市委网信办'],
      );
      log(`demo: created association ${DEMO_ASSOCIATION_CODE}`);
    }
    let [admin] = await manager.query(`SELECT id FROM membership.account WHERE email = $1`, [DEMO_ADMIN_EMAIL]);
    if (!admin) {
      [admin] = await manager.query(
        `INSERT INTO membership.account (email, display_name, password_hash, platform_admin) VALUES ($1, $2, $3, true) RETURNING id`,
        [DEMO_ADMIN_EMAIL, '演示管理员', await hashPassword(DEMO_PASSWORD)],
      );
      log(`demo: created ${DEMO_ADMIN_EMAIL} (password ${DEMO_PASSWORD})`);
    }
    await manager.query(
      `INSERT INTO membership.role_grant (account_id, association_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [admin.id, association.id, Role.ADMIN],
    );
    await insertFields(manager, association.id, DEFAULT_FIELDS_OF_WORK);
    const year = Number(todayInChina().slice(0, 4));
    for (const grade of ['MEMBER', 'COUNCIL', 'STANDING_COUNCIL', 'VICE_PRESIDENT', 'PRESIDENT', 'SUPERVISOR']) {
      const amount = { MEMBER: 200000, COUNCIL: 1000000, STANDING_COUNCIL: 2000000, VICE_PRESIDENT: 5000000, PRESIDENT: 10000000, SUPERVISOR: 1000000 }[grade];
      await manager.query(
        `INSERT INTO membership.dues_schedule (association_id, grade, year, amount_fen, due_on) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [association.id, grade, year, amount, `${year}-03-31`],
      );
    }
    for (const [name, body, status] of DEMO_UNITS) {
      const creditCode = body + computeCreditCodeCheckCharacter(body);
      const inserted: Array<{ id: string; revision: number }> = await manager.query(
        `INSERT INTO membership.organization (association_id, name, credit_code, membership_status)
         VALUES ($1, $2, $3, $4) ON CONFLICT (association_id, credit_code) DO NOTHING RETURNING id, revision`,
        [association.id, name, creditCode, status],
      );
      if (inserted.length === 0) continue;
      await outbox.record(manager, {
        type: 'membership.organization.updated',
        associationId: association.id,
        payload: { organizationId: inserted[0].id, name, creditCode, membershipStatus: status, revision: inserted[0].revision },
      });
      log(`demo: registered ${name}`);
    }
    await loadDemoMemberships(manager, association.id, admin.id, year, log);
    await loadGovernanceDemoData(manager, outbox, association.id, log);
  });
}

/**
 * Details, fields of work and memberships of the demo units: four members with grades and numbers
 * (one in its grace period), and one pending application under review. Rows that exist are left alone.
 */
async function loadDemoMemberships(manager: EntityManager, associationId: string, adminId: string, year: number, log: (line: string) => void): Promise<void> {
  let sequence = 0;
  for (const [name, body, status, grade, field] of DEMO_UNITS) {
    sequence += 1;
    const creditCode = body + computeCreditCodeCheckCharacter(body);
    const [organization] = await manager.query(`SELECT id FROM membership.organization WHERE association_id = $1 AND credit_code = $2`, [associationId, creditCode]);
    if (!organization) continue;
    await manager.query(
      `UPDATE membership.organization SET legal_representative = coalesce(legal_representative, '示例法人'), registered_city = coalesce(registered_city, '示例市'),
              founded_on = coalesce(founded_on, DATE '2012-06-01'), technical_staff_count = coalesce(technical_staff_count, 40) WHERE id = $1`,
      [organization.id],
    );
    await manager.query(
      `INSERT INTO membership.organization_field (association_id, organization_id, field_id)
       SELECT $1, $2, id FROM membership.field_of_work WHERE association_id = $1 AND name IN ($3, '网络安全') ON CONFLICT DO NOTHING`,
      [associationId, organization.id, field],
    );
    const [existing] = await manager.query(`SELECT 1 FROM membership.membership_application WHERE organization_id = $1 UNION ALL SELECT 1 FROM membership.membership WHERE organization_id = $1`, [organization.id]);
    if (existing) continue;
    if (status === 'PENDING') {
      const [application] = await manager.query(
        `INSERT INTO membership.membership_application (association_id, kind, organization_id, applicant_name, requested_grade, status, submitted_by)
         VALUES ($1, 'UNIT', $2, $3, 'MEMBER', 'UNDER_REVIEW', $4) RETURNING id`,
        [associationId, organization.id, name, adminId],
      );
      await manager.query(
        `INSERT INTO membership.application_criterion (association_id, application_id, criterion, applicant_statement, result)
         SELECT $1, $2, c, '见附件', CASE WHEN c IN ('LOCAL_REGISTRATION', 'FIELD_OF_WORK') THEN 'MET' ELSE 'UNREVIEWED' END
           FROM unnest(ARRAY['LOCAL_REGISTRATION','FIELD_OF_WORK','OPERATING_ONE_YEAR','GOOD_CREDIT','TECHNICAL_CAPACITY','CHARTER_AGREEMENT']) AS c`,
        [associationId, application.id],
      );
      log(`demo: application of ${name} under review`);
      continue;
    }
    const paidThrough = status === 'GRACE' ? `${year - 1}-12-31` : `${year}-12-31`;
    const [membership] = await manager.query(
      `INSERT INTO membership.membership (association_id, kind, organization_id, grade, status, member_number, certificate_number, admitted_on, valid_until)
       VALUES ($1, 'UNIT', $2, $3, $4, $5, $6, DATE '2021-03-01', $7) RETURNING id`,
      [associationId, organization.id, grade, status, `${DEMO_ASSOCIATION_CODE}-${String(sequence).padStart(5, '0')}`, `${DEMO_ASSOCIATION_CODE}-C2021-${String(sequence).padStart(5, '0')}`, paidThrough],
    );
    await manager.query(
      `INSERT INTO membership.membership_status_change (association_id, membership_id, previous_status, status, effective_on, reason)
       VALUES ($1, $2, 'NONE', 'ACTIVE', DATE '2021-03-01', '既有会员登记')`,
      [associationId, membership.id],
    );
    if (status === 'GRACE') {
      await manager.query(
        `INSERT INTO membership.membership_status_change (association_id, membership_id, previous_status, status, effective_on, reason, decision_reference)
         VALUES ($1, $2, 'ACTIVE', 'GRACE', $3, '会费逾期未缴，进入宽限期', 'dues-sweep')`,
        [associationId, membership.id, `${year}-01-01`],
      );
    }
  }
  await manager.query(
    `INSERT INTO membership.number_sequence (association_id, name, last_value) VALUES ($1, 'member', 10), ($1, 'certificate-2021', 10) ON CONFLICT DO NOTHING`,
    [associationId],
  );
}

/**
 * Governance demo data: the second council term with its holders and rotating presidents, one
 * committee and the fourth expert batch. Each part is created once (keyed by term number, committee
 * name and batch number) and its events recorded in the same transaction.
 */
async function loadGovernanceDemoData(manager: EntityManager, outbox: OutboxService, associationId: string, log: (line: string) => void): Promise<void> {
  const units: Array<{ id: string; name: string }> = await manager.query(
    `SELECT id, name FROM membership.organization WHERE association_id = $1 AND credit_code LIKE '914201003000000%' ORDER BY credit_code`,
    [associationId],
  );
  if (units.length < 4) return;
  const [term]: Array<{ id: string }> = await manager.query(
    `INSERT INTO membership.council_term (association_id, term_number, name, starts_on, ends_on, electing_congress_reference)
     VALUES ($1, 2, '第二届理事会', '2024-01-01', '2028-12-31', '第二次会员代表大会') ON CONFLICT (association_id, term_number) DO NOTHING RETURNING id`,
    [associationId],
  );
  if (term) {
    const offices: Array<[string, { id: string; name: string } | null, string, string, string | null, number | null]> = [
      ['PRESIDENT', units[0], units[0].name, '2024-01-01', null, null],
      ['VICE_PRESIDENT', units[1], units[1].name, '2024-01-01', null, null],
      ['VICE_PRESIDENT', units[2], units[2].name, '2024-01-01', null, null],
      ['DIRECTOR', units[3], units[3].name, '2024-01-01', null, null],
      ['SUPERVISOR', null, '演示监事', '2024-01-01', null, null],
      ['SECRETARY_GENERAL', null, '演示秘书长', '2024-01-01', null, null],
      ['ROTATING_PRESIDENT', units[1], units[1].name, '2024-01-01', '2025-12-31', 1],
      ['ROTATING_PRESIDENT', units[2], units[2].name, '2026-01-01', '2027-12-31', 2],
    ];
    for (const [post, unit, holderName, startsOn, endsOn, rotationOrder] of offices) {
      const [office]: Array<{ id: string }> = await manager.query(
        `INSERT INTO membership.council_office (association_id, council_term_id, post, holder_organization_id, holder_name, starts_on, ends_on, rotation_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [associationId, term.id, post, unit?.id ?? null, holderName, startsOn, endsOn, rotationOrder],
      );
      await outbox.record(manager, {
        type: 'membership.office.changed',
        associationId,
        payload: { councilTermId: term.id, officeId: office.id, post: post as CouncilPostName, holderOrganizationId: unit?.id ?? null, holderPersonId: null, holderName, startsOn, endsOn, change: 'APPOINTED' },
      });
    }
    log('demo: recorded 第二届理事会 with its office holders');
  }
  const [committee]: Array<{ id: string }> = await manager.query(
    `INSERT INTO membership.committee (association_id, name, kind, charter, established_on)
     VALUES ($1, '数据安全专业委员会', 'PROFESSIONAL', '组织会员单位开展数据安全技术交流、标准研制与人才培养。', '2024-03-01')
     ON CONFLICT (association_id, name) DO NOTHING RETURNING id`,
    [associationId],
  );
  if (committee) {
    await manager.query(
      `INSERT INTO membership.committee_position (association_id, committee_id, position, holder_organization_id, holder_name, starts_on)
       VALUES ($1, $2, 'DIRECTOR', $3, $4, '2024-03-01'), ($1, $2, 'SECRETARY_GENERAL', NULL, '演示委员会秘书长', '2024-03-01')`,
      [associationId, committee.id, units[1].id, units[1].name],
    );
    for (const unit of units.slice(1, 4)) {
      await manager.query(`INSERT INTO membership.committee_member_unit (association_id, committee_id, organization_id, joined_on) VALUES ($1, $2, $3, '2024-03-01')`, [associationId, committee.id, unit.id]);
    }
    log('demo: established 数据安全专业委员会');
  }
  const [batch]: Array<{ id: string }> = await manager.query(
    `INSERT INTO membership.expert_batch (association_id, batch_number, name, appointed_on, term_ends_on)
     VALUES ($1, 4, '第四批专家', '2024-06-01', '2027-05-31') ON CONFLICT (association_id, batch_number) DO NOTHING RETURNING id`,
    [associationId],
  );
  if (batch) {
    const experts: Array<[string, string, { id: string; name: string }, string[]]> = [
      ['演示专家甲', '高级工程师', units[0], ['数据安全', '应用安全']],
      ['演示专家乙', '教授', units[2], ['网络安全', '安全管理与支持']],
      ['演示专家丙', '研究员', units[3], ['工业信息安全', '数据安全']],
    ];
    for (const [index, [name, title, employer, fields]] of experts.entries()) {
      const [expert]: Array<{ id: string }> = await manager.query(
        `INSERT INTO membership.expert (association_id, batch_id, name, title, employer_organization_id, fields, letter_number, letter_date, appointed_on, term_ends_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '2024-06-01', '2024-06-01', '2027-05-31') RETURNING id`,
        [associationId, batch.id, name, title, employer.id, fields, `演示聘〔2024〕${index + 1}号`],
      );
      await outbox.record(manager, {
        type: 'membership.expert.changed',
        associationId,
        payload: { expertId: expert.id, personId: null, name, fields, conflictedOrganizationIds: [employer.id], status: 'APPOINTED', termEndsOn: '2027-05-31' },
      });
    }
    log('demo: appointed 第四批专家');
  }
}
