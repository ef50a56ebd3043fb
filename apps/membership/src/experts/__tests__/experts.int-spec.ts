import { randomUUID } from 'node:crypto';
import { Role } from '@app/auth';
import { errorCodeOf } from '@app/testing';
import { startGovernanceKit, type GovernanceKit } from '../../council/__tests__/governance-kit';

const BATCH = `mutation($i: CreateExpertBatchInput!) { createExpertBatch(input: $i) { id batchNumber } }`;
const APPOINT = `mutation($i: AppointExpertInput!) { appointExpert(input: $i) { id name conflicts { organizationId } contactPhone } }`;
const DRAW = `mutation($i: DrawExpertPanelInput!) { drawExpertPanel(input: $i) { id size seed eligibleExpertIds drawnBy experts { id name } } }`;
const EXPERTS = `query($a: ID!) { experts(associationId: $a, first: 50) { totalCount nodes { id name fields letterNumber conflicts { organizationId } contactPhone contactEmail } } }`;
const EXPERT = `query($id: ID!) { expert(id: $id) { name contactPhone contactEmail conflicts { organizationId reason } } }`;

describe('expert pool and panel draws (in process, real PostgreSQL and Redis)', () => {
  let kit: GovernanceKit;
  let batchId: string;
  let judged: string;
  let employer: string;
  const experts: Record<string, string> = {};
  const expertAccount = randomUUID();

  beforeAll(async () => {
    kit = await startGovernanceKit();
    judged = await kit.organization('被评审单位');
    employer = await kit.organization('专家雇主单位');
    batchId = (await kit.ok<{ createExpertBatch: { id: string } }>(BATCH, { i: { associationId: kit.associationId, batchNumber: 4, name: '第四批专家', appointedOn: '2024-01-01', termEndsOn: '2026-12-31' } }, kit.staff)).createExpertBatch.id;
    const appoint = async (name: string, extra: Record<string, unknown> = {}) => {
      experts[name] = (await kit.ok<{ appointExpert: { id: string } }>(APPOINT, { i: { batchId, name, fields: ['数据安全'], ...extra } }, kit.staff)).appointExpert.id;
    };
    await appoint('自由专家一', { letterNumber: '武网安协聘〔2024〕1号', letterDate: '2024-01-05', contactPhone: '13800001111', contactEmail: 'Expert1@Example.org', accountId: expertAccount });
    await appoint('自由专家二');
    await appoint('雇主冲突专家', { employerOrganizationId: judged });
    await appoint('声明冲突专家', { employerOrganizationId: employer, conflicts: [{ organizationId: judged, reason: '曾任该单位顾问' }] });
    await appoint('任期已满专家', { termEndsOn: '2024-12-31' });
    await appoint('其他领域专家', { fields: ['工业信息安全'] });
  });

  afterAll(async () => {
    await kit?.close();
  });

  it('records each appointment as membership.expert.changed with fields and conflicts (employer included)', async () => {
    const events = await kit.sql<{ payload: { name: string; status: string; conflictedOrganizationIds: string[]; fields: string[] } }>(
      `SELECT payload FROM membership.outbox_event WHERE type = 'membership.expert.changed' AND payload->>'expertId' = $1`,
      [experts['声明冲突专家']],
    );
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ name: '声明冲突专家', status: 'APPOINTED', fields: ['数据安全'] });
    expect(events[0].payload.conflictedOrganizationIds.sort()).toEqual([employer, judged].sort());
    expect(JSON.stringify(events[0].payload)).not.toContain('138');
  });

  it('draws only eligible experts: not conflicted, in office and in the field; records the draw', async () => {
    const drawn = await kit.ok<{ drawExpertPanel: { id: string; size: number; seed: string; eligibleExpertIds: string[]; experts: Array<{ id: string }> } }>(
      DRAW,
      { i: { associationId: kit.associationId, size: 2, field: '数据安全', excludeOrganizationIds: [judged], purpose: '团体标准技术审查', onDate: '2025-06-01' } },
      kit.staff,
    );
    expect(drawn.drawExpertPanel.eligibleExpertIds.sort()).toEqual([experts['自由专家一'], experts['自由专家二']].sort());
    expect(drawn.drawExpertPanel.experts.map((e) => e.id).sort()).toEqual(drawn.drawExpertPanel.eligibleExpertIds.sort());
    expect(drawn.drawExpertPanel.seed).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await kit.sql<{ drawn_by: string; excluded_organization_ids: string[] }>(`SELECT drawn_by, excluded_organization_ids FROM membership.expert_panel_draw WHERE id = $1`, [drawn.drawExpertPanel.id]);
    expect(row.excluded_organization_ids).toEqual([judged]);
    // Without the field filter and before the term ended, the expired expert and the other field count too.
    const wide = await kit.ok<{ drawExpertPanel: { eligibleExpertIds: string[] } }>(DRAW, { i: { associationId: kit.associationId, size: 4, excludeOrganizationIds: [judged], purpose: '宽口径', onDate: '2024-06-01' } }, kit.staff);
    expect(wide.drawExpertPanel.eligibleExpertIds).toHaveLength(4);
  });

  it('fails clearly when too few experts are eligible, recording nothing', async () => {
    const [before] = await kit.sql<{ n: number }>(`SELECT count(*)::int AS n FROM membership.expert_panel_draw`);
    const response = await kit.gql(DRAW, { i: { associationId: kit.associationId, size: 3, field: '数据安全', excludeOrganizationIds: [judged], purpose: '三人评审', onDate: '2025-06-01' } }, kit.staff);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_ENOUGH_ELIGIBLE_EXPERTS', details: { requested: 3, eligible: 2 } });
    // An expert whose appointment ended is no longer drawn.
    await kit.ok(`mutation($i: EndExpertAppointmentInput!) { endExpertAppointment(input: $i) { endedOn } }`, { i: { expertId: experts['自由专家二'], endedOn: '2025-03-01', reason: '本人申请退出' } }, kit.staff);
    const afterEnd = await kit.gql(DRAW, { i: { associationId: kit.associationId, size: 2, field: '数据安全', excludeOrganizationIds: [judged], purpose: '两人评审', onDate: '2025-06-01' } }, kit.staff);
    expect(afterEnd.errors?.[0]?.extensions).toMatchObject({ reason: 'NOT_ENOUGH_ELIGIBLE_EXPERTS', details: { eligible: 1 } });
    const [after] = await kit.sql<{ n: number }>(`SELECT count(*)::int AS n FROM membership.expert_panel_draw`);
    expect(after.n).toBe(before.n);
    const ended = await kit.sql<{ status: string }>(`SELECT payload->>'status' AS status FROM membership.outbox_event WHERE payload->>'expertId' = $1 ORDER BY position`, [experts['自由专家二']]);
    expect(ended.map((e) => e.status)).toEqual(['APPOINTED', 'ENDED']);
    expect(errorCodeOf(await kit.gql(DRAW, { i: { associationId: kit.associationId, size: 1, excludeOrganizationIds: [], purpose: '越权' } }, kit.tokenFor(Role.EXPERT)))).toBe('FORBIDDEN');
  });

  it('shows the public list without contacts or conflicts, the secretariat masked contacts, and full contacts only on an audited single read', async () => {
    type List = { experts: { totalCount: number; nodes: Array<{ name: string; contactPhone: string | null; contactEmail: string | null; conflicts: unknown[] | null; letterNumber: string | null }> } };
    const publicList = await kit.ok<List>(EXPERTS, { a: kit.associationId });
    expect(publicList.experts.totalCount).toBe(6);
    const first = publicList.experts.nodes.find((n) => n.name === '自由专家一')!;
    expect(first).toMatchObject({ contactPhone: null, contactEmail: null, conflicts: null, letterNumber: '武网安协聘〔2024〕1号' });
    const memberList = await kit.ok<List>(EXPERTS, { a: kit.associationId }, kit.tokenFor(Role.COUNCIL_MEMBER));
    expect(memberList.experts.nodes.find((n) => n.name === '自由专家一')).toMatchObject({ contactPhone: null, contactEmail: null, conflicts: [] });
    const staffList = await kit.ok<List>(EXPERTS, { a: kit.associationId }, kit.staff);
    expect(staffList.experts.nodes.find((n) => n.name === '自由专家一')).toMatchObject({ contactPhone: '138****1111', contactEmail: 'e***@example.org' });

    const single = await kit.ok<{ expert: { contactPhone: string; contactEmail: string } }>(EXPERT, { id: experts['自由专家一'] }, kit.staff);
    expect(single.expert).toMatchObject({ contactPhone: '13800001111', contactEmail: 'expert1@example.org' });
    const audit = await kit.sql(`SELECT action FROM membership.audit_entry WHERE subject_id = $1`, [experts['自由专家一']]);
    expect(audit).toEqual([{ action: 'expert.contacts.read' }]);
    const anonymous = await kit.ok<{ expert: { contactPhone: string | null; conflicts: unknown } }>(EXPERT, { id: experts['声明冲突专家'] });
    expect(anonymous.expert).toMatchObject({ contactPhone: null, conflicts: null });
  });

  it('lets an expert see only the draws they were drawn in', async () => {
    const mine = `query($a: ID!) { myExpertPanelDraws(associationId: $a) { purpose experts { name } } }`;
    const result = await kit.ok<{ myExpertPanelDraws: Array<{ purpose: string; experts: Array<{ name: string }> }> }>(mine, { a: kit.associationId }, kit.tokenFor(Role.EXPERT, expertAccount));
    // Both earlier draws took every eligible expert, 自由专家一 included.
    expect(result.myExpertPanelDraws.map((d) => d.purpose).sort()).toEqual(['团体标准技术审查', '宽口径'].sort());
    expect(result.myExpertPanelDraws.every((d) => d.experts.some((e) => e.name === '自由专家一'))).toBe(true);
    const stranger = await kit.ok<{ myExpertPanelDraws: unknown[] }>(mine, { a: kit.associationId }, kit.tokenFor(Role.EXPERT));
    expect(stranger.myExpertPanelDraws).toEqual([]);
    expect(errorCodeOf(await kit.gql(mine, { a: kit.associationId }, kit.tokenFor(Role.COUNCIL_MEMBER)))).toBe('FORBIDDEN');
    expect(errorCodeOf(await kit.gql(`query($a: ID!) { expertPanelDraws(associationId: $a) { id } }`, { a: kit.associationId }, kit.tokenFor(Role.EXPERT)))).toBe('FORBIDDEN');
  });

  it('committees: positions with one director at a time, dated member units, public list', async () => {
    const created = await kit.ok<{ createCommittee: { id: string } }>(
      `mutation($i: CreateCommitteeInput!) { createCommittee(input: $i) { id } }`,
      { i: { associationId: kit.associationId, name: '数据安全专业委员会', kind: 'PROFESSIONAL', charter: '推动数据安全技术交流与标准研制。', establishedOn: '2024-03-01' } },
      kit.staff,
    );
    const committeeId = created.createCommittee.id;
    const position = `mutation($i: AppointCommitteePositionInput!) { appointCommitteePosition(input: $i) { id } }`;
    await kit.ok(position, { i: { committeeId, position: 'DIRECTOR', holder: { organizationId: employer, name: '钱七' }, startsOn: '2024-03-01' } }, kit.staff);
    const second = await kit.gql(position, { i: { committeeId, position: 'DIRECTOR', holder: { name: '孙八' }, startsOn: '2024-06-01' } }, kit.staff);
    expect(second.errors?.[0]?.extensions?.reason).toBe('POSITION_ALREADY_HELD');
    await kit.ok(position, { i: { committeeId, position: 'MEMBER', holder: { name: '孙八' }, startsOn: '2024-06-01' } }, kit.staff);
    const unit = `mutation($i: CommitteeMemberUnitInput!) { addCommitteeMemberUnit(input: $i) { id } }`;
    await kit.ok(unit, { i: { committeeId, organizationId: judged, on: '2024-03-01' } }, kit.staff);
    expect((await kit.gql(unit, { i: { committeeId, organizationId: judged, on: '2024-04-01' } }, kit.staff)).errors?.[0]?.extensions?.reason).toBe('ALREADY_MEMBER_UNIT');
    expect(errorCodeOf(await kit.gql(unit, { i: { committeeId, organizationId: employer, on: '2024-04-01' } }, kit.tokenFor(Role.COUNCIL_MEMBER)))).toBe('FORBIDDEN');
    const list = await kit.ok<{ committees: Array<{ name: string; kind: string; positions: Array<{ position: string; holderName: string }>; memberUnits: Array<{ organizationName: string; leftOn: string | null }> }> }>(
      `query($a: ID!) { committees(associationId: $a) { name kind positions { position holderName } memberUnits { organizationName leftOn } } }`,
      { a: kit.associationId },
    );
    expect(list.committees).toEqual([
      { name: '数据安全专业委员会', kind: 'PROFESSIONAL', positions: [{ position: 'DIRECTOR', holderName: '钱七' }, { position: 'MEMBER', holderName: '孙八' }], memberUnits: [{ organizationName: '被评审单位', leftOn: null }] },
    ]);
  });
});
