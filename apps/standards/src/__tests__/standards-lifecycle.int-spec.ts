import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { AccessTokenSigner, Role } from '@app/auth';
import { QUEUE_PREFIX, SCHEDULED_JOB_POLICY, jobQueueName, type DomainEvent } from '@app/messaging';
import { TestEventDelivery, aCreditCode, aDomainEvent, dataOf, eventually, graphql, sqlQuery, startServiceInProcess, testRedisUrl, type GraphQLResponse, type InProcessService } from '@app/testing';
import { addDays, addYears, todayInChina } from '@app/common';
import { StandardsAppModule } from '../app.module';
import { StandardsConfig } from '../config/standards.config';
import { STANDARD_LIFECYCLE } from '../lifecycle/standard-lifecycle';
import { StandardsHousekeepingService } from '../standards/jobs/standards-housekeeping.service';

type Gql = GraphQLResponse<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('standards lifecycle (in process, real PostgreSQL and Redis)', () => {
  let service: InProcessService<StandardsConfig>;
  let delivery: TestEventDelivery;
  let signer: AccessTokenSigner;
  const associationId = randomUUID();
  const code = `WH${randomUUID().replace(/[^A-Z0-9]/gi, '').slice(0, 6).toUpperCase()}`.replace(/^WH(\d)/, 'WHX$1');
  const units = { A: randomUUID(), B: randomUUID(), C: randomUUID(), D: randomUUID() };
  const experts = { e1: randomUUID(), e2: randomUUID(), e3: randomUUID(), e4: randomUUID(), e5: randomUUID() };
  const today = todayInChina();

  const token = (accountId: string, role: Role, association = associationId, organizationId: string | null = null) =>
    signer.sign({ accountId, email: `${accountId.slice(0, 8)}@example.cn`, kind: 'PERSON', platformAdmin: false, grants: [{ associationId: association, role, organizationId }] }, 600).token;
  let admin: string, officer: string, rep: string, convener: string;
  const expertToken: Record<string, string> = {};
  const convenerAccount = randomUUID();

  const gql = (query: string, variables: Record<string, unknown> = {}, as?: string): Promise<Gql> => graphql(service.url, query, variables, as ? { token: as } : {});
  const reason = (r: Gql) => r.errors?.[0]?.extensions?.reason;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => sqlQuery<T>(service.databaseUrl, text, params);

  const deliver = (event: DomainEvent): Promise<unknown> => delivery.deliver(event);
  const organizationUpdated = (organizationId: string, revision: number, name: string) =>
    aDomainEvent('membership.organization.updated', associationId, { organizationId, name, creditCode: aCreditCode(), membershipStatus: 'ACTIVE', revision });
  const expertChanged = (expertId: string, name: string, conflicted: string[], status: 'APPOINTED' | 'ENDED', occurredAt?: string) =>
    aDomainEvent('membership.expert.changed', associationId, { expertId, personId: randomUUID(), name, fields: ['数据安全'], conflictedOrganizationIds: conflicted, status, termEndsOn: null }, occurredAt);

  const STANDARD_FIELDS = 'id state isoStageCode actionOwner revision code publishedOn implementedOn nextReviewDue heldFrom project { projectNumber leadUnitName }';
  const transition = (input: Record<string, unknown>, as = officer) => gql(`mutation($i: TransitionStandardInput!) { transitionStandard(input: $i) { ${STANDARD_FIELDS} } }`, { i: input }, as);
  const stateOf = async (id: string) => (await sql<{ state: string; revision: number }>(`SELECT state, revision FROM standards.standard WHERE id = $1`, [id]))[0];
  const historyCount = async (id: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM standards.standard_transition WHERE standard_id = $1`, [id]))[0].n;

  /** A refused command: the specific reason, and neither the standard nor its history changed. */
  async function expectRefused(id: string, response: Promise<Gql>, expected: string): Promise<void> {
    const before = { ...(await stateOf(id)), history: await historyCount(id) };
    const r = await response;
    expect(r.errors?.[0]?.extensions).toMatchObject({ reason: expected });
    expect({ ...(await stateOf(id)), history: await historyCount(id) }).toEqual(before);
  }

  const proposal = (extra: Record<string, unknown> = {}) => ({
    associationId,
    title: '数据要素场内流通安全评估技术规范',
    scope: '规定数据要素场内流通安全评估的原则、内容和方法。',
    necessity: '数据要素流通亟需统一的安全评估方法。',
    relatedStandards: '与 GB/T 35273、GB/T 37988 协调，不与现行国家标准、行业标准冲突。',
    plannedUnits: ['武汉安恒信息科技有限公司', '武汉大学国家网络安全学院', '湖北数据集团有限公司'],
    patentPreDisclosure: '提案单位未知悉相关必要专利。',
    touchesConsumers: true,
    ...extra,
  });

  beforeAll(async () => {
    service = await startServiceInProcess(StandardsConfig, (c) => StandardsAppModule.forRoot(c), 'standards');
    delivery = new TestEventDelivery('standards');
    signer = new AccessTokenSigner(service.keys.AUTH_PRIVATE_KEY);
    admin = token(randomUUID(), Role.ADMIN);
    officer = token(randomUUID(), Role.STANDARDS_OFFICER);
    rep = token(randomUUID(), Role.MEMBER_REP, associationId, units.A);
    convener = token(convenerAccount, Role.MEMBER_REP, associationId, units.A);
    for (const key of Object.keys(experts)) expertToken[key] = token(`expert-${key}-${associationId}`, Role.EXPERT);
    for (const [name, id] of Object.entries(units)) await deliver(organizationUpdated(id, 1, `单位${name}`));
    // e5 declared a conflict with unit A, a drafting unit.
    for (const [key, id] of Object.entries(experts)) await deliver(expertChanged(id, `专家${key}`, key === 'e5' ? [units.A] : [], 'APPOINTED'));
  });

  afterAll(async () => {
    await delivery?.close();
    await service?.close();
  });

  describe('read models of membership', () => {
    it('keeps the newest organization revision whatever the delivery order, and a duplicate delivery is recorded once', async () => {
      const id = randomUUID();
      const newer = organizationUpdated(id, 2, '新名称单位');
      expect(await deliver(newer)).toBe('APPLIED');
      await deliver(organizationUpdated(id, 1, '旧名称单位'));
      expect(await sql(`SELECT name, revision FROM standards.organization_directory WHERE organization_id = $1`, [id])).toEqual([{ name: '新名称单位', revision: 2 }]);
      await delivery.forget(newer.id);
      expect(await deliver(newer)).toBe('DUPLICATE');
    });

    it('takes an expert not yet linked to the person register (no person id)', async () => {
      const id = randomUUID();
      const event = aDomainEvent('membership.expert.changed', associationId, { expertId: id, personId: null, name: '未关联专家', fields: ['数据安全'], conflictedOrganizationIds: [], status: 'APPOINTED', termEndsOn: '2027-05-31' });
      expect(await deliver(event)).toBe('APPLIED');
      expect(await sql(`SELECT person_id, name FROM standards.expert_directory WHERE expert_id = $1`, [id])).toEqual([{ person_id: null, name: '未关联专家' }]);
    });

    it('keeps the latest expert change by event time: an older event does not undo a newer one', async () => {
      const id = randomUUID();
      const t = Date.now();
      await deliver(expertChanged(id, '李专家', [], 'ENDED', new Date(t).toISOString()));
      await deliver(expertChanged(id, '李专家', [], 'APPOINTED', new Date(t - 60_000).toISOString()));
      expect(await sql(`SELECT status FROM standards.expert_directory WHERE expert_id = $1`, [id])).toEqual([{ status: 'ENDED' }]);
    });
  });

  describe('programme', () => {
    it('needs an admin, refuses comment periods under 30 days and review intervals over 5 years, and is required before proposals', async () => {
      const q = `mutation($i: ConfigureStandardsProgrammeInput!) { configureStandardsProgramme(input: $i) { code commentDays reviewIntervalYears minimumWorkingGroupUnits } }`;
      expect((await gql(q, { i: { associationId, code } }, officer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(reason(await gql(q, { i: { associationId, code, commentDays: 29 } }, admin))).toBe('INVALID_PROGRAMME_SETTING');
      expect(reason(await gql(q, { i: { associationId, code, reviewIntervalYears: 6 } }, admin))).toBe('INVALID_PROGRAMME_SETTING');
      expect(reason(await gql(`mutation($i: ProposeStandardInput!) { proposeStandard(input: $i) { id } }`, { i: proposal() }, rep))).toBe('PROGRAMME_NOT_CONFIGURED');
      expect(await sql(`SELECT 1 FROM standards.programme WHERE association_id = $1`, [associationId])).toEqual([]);
      const configured = dataOf(await gql(q, { i: { associationId, code: code.toLowerCase() } }, admin)).configureStandardsProgramme;
      expect(configured).toEqual({ code, commentDays: 30, reviewIntervalYears: 3, minimumWorkingGroupUnits: 3 });
      const other = randomUUID();
      expect(reason(await gql(q, { i: { associationId: other, code } }, token(randomUUID(), Role.ADMIN, other)))).toBe('PROGRAMME_CODE_TAKEN');
    });

    it('the lifecycle stored in the database is the one the code declares', async () => {
      const stored = dataOf(await gql(`{ standardLifecycle { state isoStageCode actionOwner beforePublication next } }`)).standardLifecycle;
      expect(stored).toEqual(STANDARD_LIFECYCLE.map((s) => ({ state: s.state, isoStageCode: s.isoStageCode, actionOwner: s.actionOwner, beforePublication: s.beforePublication, next: s.next })));
    });
  });

  describe('a standard from proposal to review', () => {
    let id: string;
    let consultationId: string;

    it('refuses an incomplete proposal, naming what is missing, and stores nothing', async () => {
      const before = await sql(`SELECT count(*)::int AS n FROM standards.standard WHERE association_id = $1`, [associationId]);
      const r = await gql(`mutation($i: ProposeStandardInput!) { proposeStandard(input: $i) { id } }`, { i: proposal({ necessity: ' ', plannedUnits: [], patentPreDisclosure: null }) }, rep);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PROPOSAL_INCOMPLETE', details: { missing: ['necessity', 'plannedUnits', 'patentPreDisclosure'] } });
      expect(await sql(`SELECT count(*)::int AS n FROM standards.standard WHERE association_id = $1`, [associationId])).toEqual(before);
      expect((await gql(`mutation($i: ProposeStandardInput!) { proposeStandard(input: $i) { id } }`, { i: proposal() }, expertToken.e1)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('a member representative proposes; the office owes the next action', async () => {
      const r = dataOf(await gql(`mutation($i: ProposeStandardInput!) { proposeStandard(input: $i) { ${STANDARD_FIELDS} proposer { displayName organizationId } } }`, { i: proposal({ actor: { displayName: '彭建军' } }) }, rep));
      id = r.proposeStandard.id;
      expect(r.proposeStandard).toMatchObject({ state: 'PROPOSED', isoStageCode: '00.00', actionOwner: 'OFFICE', proposer: { displayName: '彭建军', organizationId: units.A } });
      const pending = dataOf(await gql(`query($a: ID!) { myPendingStandardActions(associationId: $a) { standardId action } }`, { a: associationId }, officer)).myPendingStandardActions;
      expect(pending).toContainEqual({ standardId: id, action: 'SUBMIT_FOR_PROJECT_REVIEW' });
      expect(dataOf(await gql(`query($a: ID!) { myPendingStandardActions(associationId: $a) { standardId } }`, { a: associationId }, rep)).myPendingStandardActions).toEqual([]);
    });

    it('refuses moves the lifecycle does not allow, and moves by anyone but the office', async () => {
      await expectRefused(id, transition({ standardId: id, to: 'DRAFTING' }), 'TRANSITION_NOT_ALLOWED');
      await expectRefused(id, transition({ standardId: id, to: 'PROJECT_REVIEW' }, rep), 'ROLE_REQUIRED');
      await expectRefused(id, transition({ standardId: id, to: 'PROJECT_REVIEW' }, token(randomUUID(), Role.STANDARDS_OFFICER, randomUUID())), 'ROLE_REQUIRED');
      await expectRefused(id, transition({ standardId: id, to: 'TERMINATED' }), 'REASON_REQUIRED');
      await expectRefused(id, transition({ standardId: id, to: 'PROJECT_REVIEW', expectedRevision: 99 }), 'STANDARD_CHANGED');
    });

    it('project review passes only by an expert ballot; approval needs the project details', async () => {
      expect(dataOf(await transition({ standardId: id, to: 'PROJECT_REVIEW', reason: '提交立项评审', attachments: [{ name: '立项申请书.pdf', url: 'https://files.example.cn/a.pdf' }] })).transitionStandard.state).toBe('PROJECT_REVIEW');
      const project = { projectNumber: `XM-${code}-01`, leadUnitOrganizationId: units.A, plan: '2024年完成征求意见稿', deadline: addDays(today, 300) };
      await expectRefused(id, transition({ standardId: id, to: 'APPROVED_PROJECT', project }), 'PROJECT_BALLOT_NOT_PASSED');
      const ballot = dataOf(await gql(`mutation($i: OpenStandardBallotInput!) { openStandardBallot(input: $i) { id kind rule status } }`, {
        i: { standardId: id, kind: 'PROJECT_REVIEW', panel: ['e1', 'e2', 'e3'].map((k) => ({ accountId: `expert-${k}-${associationId}`, displayName: `专家${k}`, expertId: experts[k as keyof typeof experts] })) },
      }, officer)).openStandardBallot;
      expect(ballot).toMatchObject({ kind: 'PROJECT_REVIEW', rule: 'STANDARD_PROJECT_REVIEW', status: 'OPEN' });
      const pending = dataOf(await gql(`query($a: ID!) { myPendingStandardActions(associationId: $a) { standardId action ballotId } }`, { a: associationId }, expertToken.e1)).myPendingStandardActions;
      expect(pending).toEqual([{ standardId: id, action: 'CAST_VOTE', ballotId: ballot.id }]);
      await expectRefused(id, transition({ standardId: id, to: 'APPROVED_PROJECT', project }), 'PROJECT_BALLOT_NOT_PASSED');
      const cast = (k: string, position: string) => gql(`mutation($i: CastStandardBallotInput!) { castStandardBallot(input: $i) { position } }`, { i: { ballotId: ballot.id, position } }, expertToken[k]);
      dataOf(await cast('e1', 'YES'));
      expect(reason(await cast('e1', 'NO'))).toBe('ALREADY_VOTED');
      expect(reason(await cast('e4', 'YES'))).toBe('NOT_ON_BALLOT');
      dataOf(await cast('e2', 'YES'));
      dataOf(await cast('e3', 'NO'));
      const closed = dataOf(await gql(`mutation($i: CloseStandardBallotInput!) { closeStandardBallot(input: $i) { status passed outcome { yes no required passed } } }`, { i: { ballotId: ballot.id } }, officer)).closeStandardBallot;
      expect(closed).toEqual({ status: 'CLOSED', passed: true, outcome: { yes: 2, no: 1, required: 2, passed: true } });
      await expectRefused(id, transition({ standardId: id, to: 'APPROVED_PROJECT' }), 'PROJECT_DETAILS_REQUIRED');
      await expectRefused(id, transition({ standardId: id, to: 'APPROVED_PROJECT', project: { ...project, leadUnitOrganizationId: randomUUID() } }), 'UNKNOWN_ORGANIZATION');
      const approved = dataOf(await transition({ standardId: id, to: 'APPROVED_PROJECT', project, reason: '立项公告' })).transitionStandard;
      expect(approved).toMatchObject({ state: 'APPROVED_PROJECT', isoStageCode: '20.00', project: { projectNumber: project.projectNumber, leadUnitName: '单位A' } });
    });

    it('drafting needs a working group with a convener and at least the configured number of units', async () => {
      const add = (accountId: string, role: string, organizationId: string | null) =>
        gql(`mutation($i: AddWorkingGroupMemberInput!) { addWorkingGroupMember(input: $i) { id role } }`, { i: { standardId: id, accountId, displayName: `成员 ${role}`, organizationId, role } }, officer);
      await expectRefused(id, transition({ standardId: id, to: 'DRAFTING' }), 'WORKING_GROUP_NEEDS_CONVENER');
      dataOf(await add(convenerAccount, 'CONVENER', units.A));
      dataOf(await add(randomUUID(), 'DRAFTER', units.B));
      dataOf(await add(randomUUID(), 'OBSERVER', null));
      const r = await transition({ standardId: id, to: 'DRAFTING' });
      expect(r.errors?.[0]?.extensions).toMatchObject({ reason: 'WORKING_GROUP_TOO_FEW_UNITS', details: { units: 2, required: 3 } });
      const temporary = dataOf(await add(randomUUID(), 'EDITOR', units.C)).addWorkingGroupMember.id;
      dataOf(await gql(`mutation($m: ID!) { endWorkingGroupMembership(memberId: $m, reason: "调离") { leftAt } }`, { m: temporary }, officer));
      await expectRefused(id, transition({ standardId: id, to: 'DRAFTING' }), 'WORKING_GROUP_TOO_FEW_UNITS');
      dataOf(await add(randomUUID(), 'EDITOR', units.C));
      expect(dataOf(await transition({ standardId: id, to: 'DRAFTING' })).transitionStandard.state).toBe('DRAFTING');
      const group = dataOf(await gql(`query($id: ID!) { standard(id: $id) { workingGroup(includeHistory: true) { role leftAt } } }`, { id }, officer)).standard.workingGroup;
      expect(group).toHaveLength(5);
      expect(group.filter((m: { leftAt: string | null }) => m.leftAt)).toHaveLength(1);
      const pending = dataOf(await gql(`query($a: ID!) { myPendingStandardActions(associationId: $a) { standardId action } }`, { a: associationId }, convener)).myPendingStandardActions;
      expect(pending).toEqual([{ standardId: id, action: 'PREPARE_DRAFT' }]);
    });

    it('public comment needs the draft and explanatory note, at least 30 days, and must be public when the standard concerns consumers', async () => {
      const consultation = { closesOn: addDays(today, 30), isPublic: true, channels: ['协会网站', '全国团体标准信息平台'] };
      await expectRefused(id, transition({ standardId: id, to: 'PUBLIC_COMMENT', consultation }), 'DRAFT_REQUIRED');
      const save = (input: Record<string, unknown>, as = convener) => gql(`mutation($i: SaveStandardDraftInput!) { saveStandardDraft(input: $i) { version label frozenAt } }`, { i: { standardId: id, ...input } }, as);
      const clauses = [
        { number: '1', title: '范围', text: '本文件规定了数据要素场内流通安全评估的要求。' },
        { number: '4.2', title: '评估内容', text: '应评估数据来源。\n应评估使用范围。' },
        { number: '4.3', title: '评估方法', text: '采用访谈与测试。' },
      ];
      expect(reason(await save({ clauses }, rep))).toBe('ROLE_REQUIRED');
      expect(dataOf(await save({ clauses })).saveStandardDraft).toEqual({ version: '00', label: '工作组讨论稿', frozenAt: null });
      await expectRefused(id, transition({ standardId: id, to: 'PUBLIC_COMMENT', consultation }), 'EXPLANATORY_NOTE_REQUIRED');
      expect(dataOf(await save({ clauses, explanatoryNote: '编制说明：工作简况、编制原则……' })).saveStandardDraft.version).toBe('00');
      const short = await transition({ standardId: id, to: 'PUBLIC_COMMENT', consultation: { ...consultation, closesOn: addDays(today, 29) } });
      expect(short.errors?.[0]?.extensions).toMatchObject({ reason: 'COMMENT_PERIOD_TOO_SHORT', details: { days: 29, required: 30 } });
      await expectRefused(id, transition({ standardId: id, to: 'PUBLIC_COMMENT', consultation: { ...consultation, isPublic: false } }), 'CONSULTATION_MUST_BE_PUBLIC');
      expect(await sql(`SELECT 1 FROM standards.consultation WHERE standard_id = $1`, [id])).toEqual([]);
      const opened = dataOf(await transition({ standardId: id, to: 'PUBLIC_COMMENT', consultation }));
      expect(opened.transitionStandard).toMatchObject({ state: 'PUBLIC_COMMENT', isoStageCode: '40.20' });
      const standard = dataOf(await gql(`query($id: ID!) { standard(id: $id) { drafts { version label frozenAt } consultations { id opensOn closesOn isPublic status } } }`, { id }, officer)).standard;
      expect(standard.drafts).toEqual([{ version: '00', label: '征求意见稿', frozenAt: expect.any(String) }]);
      expect(standard.consultations[0]).toMatchObject({ opensOn: today, closesOn: addDays(today, 30), isPublic: true, status: 'OPEN' });
      consultationId = standard.consultations[0].id;
      expect(reason(await save({ clauses }))).toBe('DRAFTING_CLOSED');
      const events = await sql<{ payload: Record<string, unknown> }>(`SELECT payload FROM standards.outbox_event WHERE type = 'standards.consultation.opened' AND payload->>'standardId' = $1`, [id]);
      expect(events).toEqual([{ payload: { standardId: id, consultationId, title: proposal().title, opensOn: today, closesOn: addDays(today, 30), public: true } }]);
    });

    it('takes comments in the ISO/IEC template from members, experts and the public, and masks contacts in lists', async () => {
      const submit = (input: Record<string, unknown>, as?: string) =>
        gql(`mutation($i: SubmitStandardCommentInput!) { submitStandardComment(input: $i) { id commenterKind maskedContact } }`, { i: { consultationId, clause: '4.2', commentType: 'te', comment: '建议补充数据分级要求。', ...input } }, as);
      expect(dataOf(await submit({ commenterName: '王五', contact: '13812345678', paragraph: '第2段', proposedChange: '增加 4.2.1 数据分级' })).submitStandardComment).toMatchObject({ commenterKind: 'PUBLIC', maskedContact: '138****5678' });
      expect(reason(await submit({ commenterName: '匿名' }))).toBe('CONTACT_REQUIRED');
      expect(dataOf(await submit({ clause: '1', commentType: 'ed', comment: '“要求”改为“方法”。' }, rep)).submitStandardComment.commenterKind).toBe('MEMBER');
      expect(dataOf(await submit({ clause: 'general', commentType: 'ge', comment: '整体结构清晰。' }, expertToken.e4)).submitStandardComment.commenterKind).toBe('EXPERT');
      await sql(`UPDATE standards.consultation SET is_public = false WHERE id = $1`, [consultationId]);
      expect(reason(await submit({ commenterName: '王五', contact: '13812345678' }))).toBe('PUBLIC_COMMENT_NOT_ALLOWED');
      await sql(`UPDATE standards.consultation SET is_public = true WHERE id = $1`, [consultationId]);
      const list = dataOf(await gql(`query($c: ID!) { standardComments(consultationId: $c) { totalCount nodes { commenterName maskedContact clause commentType } } }`, { c: consultationId }, officer)).standardComments;
      expect(list.totalCount).toBe(3);
      expect(JSON.stringify(list)).not.toContain('13812345678');
      expect((await gql(`query($c: ID!) { standardComments(consultationId: $c) { totalCount } }`, { c: consultationId })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('public comment cannot end before its period; the scheduled job closes it afterwards and moves the standard on', async () => {
      await expectRefused(id, transition({ standardId: id, to: 'COMMENT_RESOLUTION' }), 'CONSULTATION_PERIOD_NOT_ENDED');
      const housekeeping = service.app.get(StandardsHousekeepingService);
      expect((await housekeeping.closeEndedConsultations(today)).consultationIds).not.toContain(consultationId);
      // Thirty-one days later.
      await sql(`UPDATE standards.consultation SET opens_on = opens_on - 31, closes_on = closes_on - 31 WHERE id = $1`, [consultationId]);
      const run = await housekeeping.closeEndedConsultations(today);
      expect(run.consultationIds).toContain(consultationId);
      expect(run.standardIds).toContain(id);
      expect((await stateOf(id)).state).toBe('COMMENT_RESOLUTION');
      expect((await housekeeping.closeEndedConsultations(today)).consultationIds).not.toContain(consultationId);
      const last = (await sql<{ actor_account_id: string; reason: string }>(`SELECT actor_account_id, reason FROM standards.standard_transition WHERE standard_id = $1 ORDER BY position DESC LIMIT 1`, [id]))[0];
      expect(last).toEqual({ actor_account_id: 'system', reason: 'The comment period ended.' });
    });

    it('technical review needs every comment dispositioned, with a reason whenever not accepted; the resolution table exports as CSV with BOM', async () => {
      const comments = dataOf(await gql(`query($c: ID!) { standardComments(consultationId: $c) { nodes { id clause } } }`, { c: consultationId }, officer)).standardComments.nodes;
      const resolve = (commentId: string, disposition: string, observation?: string, as = convener) =>
        gql(`mutation($i: ResolveStandardCommentInput!) { resolveStandardComment(input: $i) { disposition observation } }`, { i: { commentId, disposition, observation } }, as);
      const rejected = await resolve(comments[0].id, 'REJECTED');
      expect(reason(rejected)).toBe('DISPOSITION_REASON_REQUIRED');
      expect(await sql(`SELECT disposition FROM standards.comment WHERE id = $1`, [comments[0].id])).toEqual([{ disposition: null }]);
      expect(reason(await resolve(comments[0].id, 'ACCEPTED', undefined, rep))).toBe('ROLE_REQUIRED');
      dataOf(await resolve(comments[0].id, 'PARTLY_ACCEPTED', '增加数据分级引用，不单列条款'));
      await expectRefused(id, transition({ standardId: id, to: 'TECHNICAL_REVIEW' }), 'COMMENTS_NOT_DISPOSITIONED');
      dataOf(await resolve(comments[1].id, 'ACCEPTED'));
      dataOf(await resolve(comments[2].id, 'NOTED', '感谢'));
      const csv = dataOf(await gql(`query($c: ID!) { standardCommentResolutionTable(consultationId: $c) }`, { c: consultationId }, convener)).standardCommentResolutionTable as string;
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.slice(1).trimEnd().split('\r\n');
      expect(lines).toHaveLength(4);
      expect(lines[1]).toContain('部分采纳');
      expect(lines[1]).toContain('增加 4.2.1 数据分级');
      expect(csv).not.toContain('13812345678');
      expect(reason(await gql(`query($c: ID!) { standardCommentResolutionTable(consultationId: $c) }`, { c: consultationId }, rep))).toBe('ROLE_REQUIRED');
    });

    it('the draft for review is a new version, and draftDiff compares versions clause by clause', async () => {
      await expectRefused(id, transition({ standardId: id, to: 'TECHNICAL_REVIEW' }), 'DRAFT_REQUIRED');
      const clauses = [
        { number: '1', title: '范围', text: '本文件规定了数据要素场内流通安全评估的方法。' },
        { number: '4.2', title: '评估内容', text: '应评估数据来源。\n应评估使用范围和数据分级。' },
        { number: '4.2.1', title: '数据分级', text: '按 GB/T 43697 分级。' },
      ];
      const saved = dataOf(await gql(`mutation($i: SaveStandardDraftInput!) { saveStandardDraft(input: $i) { version label explanatoryNote } }`, { i: { standardId: id, clauses } }, convener)).saveStandardDraft;
      expect(saved).toEqual({ version: '01', label: '工作组讨论稿', explanatoryNote: '编制说明：工作简况、编制原则……' });
      const diff = dataOf(await gql(`query($s: ID!) { draftDiff(standardId: $s, from: "00", to: "01") { clauseAware added removed changed clauses { number change lines { kind text } } } }`, { s: id }, officer)).draftDiff;
      expect(diff).toMatchObject({ clauseAware: true, added: 1, removed: 1, changed: 2 });
      expect(diff.clauses.map((c: { number: string; change: string }) => `${c.number}:${c.change}`)).toEqual(['1:CHANGED', '4.2:CHANGED', '4.2.1:ADDED', '4.3:REMOVED']);
      expect(diff.clauses[1].lines).toEqual([
        { kind: 'SAME', text: '应评估数据来源。' },
        { kind: 'REMOVED', text: '应评估使用范围。' },
        { kind: 'ADDED', text: '应评估使用范围和数据分级。' },
      ]);
      expect(reason(await gql(`query($s: ID!) { draftDiff(standardId: $s, from: "00", to: "07") { added } }`, { s: id }, officer))).toBe('DRAFT_VERSION_NOT_FOUND');
      expect(dataOf(await transition({ standardId: id, to: 'TECHNICAL_REVIEW' })).transitionStandard.state).toBe('TECHNICAL_REVIEW');
    });

    it('technical review: drafters and experts from drafting units do not vote; quorum 2/3 of the panel, 3/4 of those present', async () => {
      const panel = [
        ...['e1', 'e2', 'e3', 'e4'].map((k) => ({ accountId: `expert-${k}-${associationId}`, displayName: `专家${k}`, expertId: experts[k as keyof typeof experts] })),
        { accountId: convenerAccount, displayName: '召集人', organizationId: units.A },
        { accountId: `expert-e5-${associationId}`, displayName: '专家e5', expertId: experts.e5 },
        { accountId: 'expert-from-unit-b', displayName: '起草单位专家', organizationId: units.B },
      ];
      const open = () => gql(`mutation($i: OpenStandardBallotInput!) { openStandardBallot(input: $i) { id rule voters { accountId exclusionReason } } }`, { i: { standardId: id, kind: 'TECHNICAL_REVIEW', panel } }, officer);
      const first = dataOf(await open()).openStandardBallot;
      expect(first.rule).toBe('STANDARD_TECHNICAL_REVIEW');
      const excluded = Object.fromEntries(first.voters.map((v: { accountId: string; exclusionReason: string | null }) => [v.accountId, v.exclusionReason]));
      expect(excluded).toMatchObject({ [convenerAccount]: 'DRAFTER', 'expert-from-unit-b': 'DRAFTER', [`expert-e5-${associationId}`]: 'CONFLICT_OF_INTEREST', [`expert-e1-${associationId}`]: null });
      expect(reason(await open())).toBe('BALLOT_ALREADY_OPEN');
      const cast = (ballotId: string, k: string, position: string) => gql(`mutation($i: CastStandardBallotInput!) { castStandardBallot(input: $i) { position } }`, { i: { ballotId, position } }, expertToken[k]);
      expect(reason(await cast(first.id, 'e5', 'YES'))).toBe('EXCLUDED_FROM_BALLOT');
      expect(reason(await gql(`mutation($i: CastStandardBallotInput!) { castStandardBallot(input: $i) { position } }`, { i: { ballotId: first.id, position: 'YES' } }, convener))).toBe('ROLE_REQUIRED');
      // 3 of 4 present (quorum 3 met), 2 YES: 3/4 of 3 present needs 3.
      dataOf(await cast(first.id, 'e1', 'YES'));
      dataOf(await cast(first.id, 'e2', 'YES'));
      dataOf(await cast(first.id, 'e3', 'NO'));
      const failed = dataOf(await gql(`mutation($i: CloseStandardBallotInput!) { closeStandardBallot(input: $i) { passed outcome { eligible present quorumMet required } } }`, { i: { ballotId: first.id, presentAccountIds: [convenerAccount] } }, officer)).closeStandardBallot;
      expect(failed).toEqual({ passed: false, outcome: { eligible: 4, present: 3, quorumMet: true, required: 3 } });
      await expectRefused(id, transition({ standardId: id, to: 'APPROVAL_PENDING' }), 'TECHNICAL_REVIEW_NOT_PASSED');
      const second = dataOf(await open()).openStandardBallot;
      for (const [k, p] of [['e1', 'YES'], ['e2', 'YES'], ['e3', 'YES'], ['e4', 'NO']]) dataOf(await cast(second.id, k, p));
      const passed = dataOf(await gql(`mutation($i: CloseStandardBallotInput!) { closeStandardBallot(input: $i) { passed outcome { present yes required } } }`, { i: { ballotId: second.id } }, officer)).closeStandardBallot;
      expect(passed).toEqual({ passed: true, outcome: { present: 4, yes: 3, required: 3 } });
      expect(dataOf(await transition({ standardId: id, to: 'APPROVAL_PENDING' })).transitionStandard.state).toBe('APPROVAL_PENDING');
    });

    it('publication needs the approval document and implementation on or after publication, allocates the code and announces it', async () => {
      const publishedOn = today;
      const publication = { publishedOn, implementedOn: addDays(today, 30), approvalDocumentNumber: '武网安协〔2024〕12号', patentDisclosures: [{ patentNumber: 'ZL202310000001.X', title: '一种数据流通评估方法', holder: '武汉安恒信息科技有限公司', licenceDeclaration: 'FREE_OF_CHARGE' }], jointPublishers: ['湖北省网络安全协会'] };
      await expectRefused(id, transition({ standardId: id, to: 'PUBLISHED', publication: { ...publication, approvalDocumentNumber: null } }), 'APPROVAL_DOCUMENT_REQUIRED');
      await expectRefused(id, transition({ standardId: id, to: 'PUBLISHED', publication: { ...publication, implementedOn: addDays(today, -1) } }), 'IMPLEMENTATION_BEFORE_PUBLICATION');
      expect(await sql(`SELECT 1 FROM standards.code_counter WHERE association_id = $1`, [associationId])).toEqual([]);
      const published = dataOf(await transition({ standardId: id, to: 'PUBLISHED', publication })).transitionStandard;
      const year = Number(today.slice(0, 4));
      expect(published).toMatchObject({ state: 'PUBLISHED', isoStageCode: '60.60', code: `T/${code} 001\u2014${year}`, publishedOn, implementedOn: addDays(today, 30), nextReviewDue: addYears(today, 3) });
      const events = await sql<{ type: string; payload: Record<string, unknown> }>(`SELECT type, payload FROM standards.outbox_event WHERE payload->>'standardId' = $1 ORDER BY position`, [id]);
      expect(events.find((e) => e.type === 'standards.standard.published')!.payload).toEqual({ standardId: id, code: published.code, title: proposal().title, publishedOn, implementedOn: addDays(today, 30) });
      expect(events.filter((e) => e.type === 'standards.standard.transitioned').map((e) => `${e.payload.from}>${e.payload.to}:${e.payload.stageCode}`)).toEqual([
        'PROPOSED>PROJECT_REVIEW:10.20', 'PROJECT_REVIEW>APPROVED_PROJECT:20.00', 'APPROVED_PROJECT>DRAFTING:20.20', 'DRAFTING>PUBLIC_COMMENT:40.20',
        'PUBLIC_COMMENT>COMMENT_RESOLUTION:40.60', 'COMMENT_RESOLUTION>TECHNICAL_REVIEW:50.20', 'TECHNICAL_REVIEW>APPROVAL_PENDING:50.60', 'APPROVAL_PENDING>PUBLISHED:60.60',
      ]);
      const catalogue = dataOf(await gql(`query($c: String!) { publishedStandards(associationCode: $c) { totalCount nodes { code publishedOn implementedOn inForce jointPublishers patentDisclosures { patentNumber licenceDeclaration } } } }`, { c: code })).publishedStandards;
      expect(catalogue.nodes).toEqual([{ code: published.code, publishedOn, implementedOn: addDays(today, 30), inForce: true, jointPublishers: ['湖北省网络安全协会'], patentDisclosures: [{ patentNumber: 'ZL202310000001.X', licenceDeclaration: 'FREE_OF_CHARGE' }] }]);
      expect(dataOf(await gql(`query($id: ID!) { standard(id: $id) { code } }`, { id })).standard.code).toBe(published.code);
      dataOf(await gql(`mutation($i: RecordPlatformSubmissionInput!) { recordPlatformSubmission(input: $i) { platformReference } }`, { i: { standardId: id, submittedOn: today, platformReference: 'TTBZ-2024-0001' } }, officer));
      dataOf(await gql(`mutation($i: RecordStandardActivityInput!) { recordStandardActivity(input: $i) { kind } }`, { i: { standardId: id, kind: 'PROMOTION', title: '标准宣贯会', heldOn: today, participantCount: 80 } }, officer));
    });

    it('the history is a query: every move with actor, time, reason, attachments and ISO code; the table refuses rewrites', async () => {
      const history = dataOf(await gql(`query($id: ID!) { standardHistory(id: $id) { fromState toState isoStageCode reason actor { accountId displayName } attachments { name } occurredAt } }`, { id }, officer)).standardHistory;
      expect(history.map((h: { toState: string }) => h.toState)).toEqual(['PROPOSED', 'PROJECT_REVIEW', 'APPROVED_PROJECT', 'DRAFTING', 'PUBLIC_COMMENT', 'COMMENT_RESOLUTION', 'TECHNICAL_REVIEW', 'APPROVAL_PENDING', 'PUBLISHED']);
      expect(history[0]).toMatchObject({ fromState: null, isoStageCode: '00.00', actor: { displayName: '彭建军' } });
      expect(history[1]).toMatchObject({ reason: '提交立项评审', attachments: [{ name: '立项申请书.pdf' }] });
      expect(history[5].actor.accountId).toBe('system');
      await expect(sql(`UPDATE standards.standard_transition SET reason = 'x' WHERE standard_id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(sql(`DELETE FROM standards.standard_transition WHERE standard_id = $1`, [id])).rejects.toThrow(/append-only/);
    });

    it('review opens when due; it may confirm (next review in the interval), then revise by a new project that replaces the standard when published', async () => {
      const housekeeping = service.app.get(StandardsHousekeepingService);
      expect((await housekeeping.openDueReviews(today)).standardIds).not.toContain(id);
      expect((await housekeeping.openDueReviews(addYears(today, 3))).standardIds).toContain(id);
      expect((await stateOf(id)).state).toBe('UNDER_REVIEW');
      const confirmed = dataOf(await transition({ standardId: id, to: 'PUBLISHED', reason: '复审确认继续有效' })).transitionStandard;
      expect(confirmed).toMatchObject({ state: 'PUBLISHED', nextReviewDue: addYears(today, 3) });
      dataOf(await transition({ standardId: id, to: 'UNDER_REVIEW' }));
      dataOf(await transition({ standardId: id, to: 'REVISION', reason: '技术更新' }));
      const revision = dataOf(await gql(`mutation($i: ProposeStandardInput!) { proposeStandard(input: $i) { id } }`, { i: proposal({ replacesStandardId: id, touchesConsumers: false }) }, officer)).proposeStandard.id;
      expect(reason(await gql(`mutation($i: ProposeStandardInput!) { proposeStandard(input: $i) { id } }`, { i: proposal({ replacesStandardId: id }) }, officer))).toBe('REVISION_PROJECT_EXISTS');
      // Fast-forward the revision project to approval pending, then publish it.
      await sql(`UPDATE standards.standard SET state = 'APPROVAL_PENDING' WHERE id = $1`, [revision]);
      const published = dataOf(await transition({ standardId: revision, to: 'PUBLISHED', publication: { publishedOn: today, implementedOn: today, approvalDocumentNumber: '武网安协〔2024〕30号' } })).transitionStandard;
      expect(published.code).toBe(`T/${code} 002\u2014${today.slice(0, 4)}`);
      expect((await stateOf(id)).state).toBe('WITHDRAWN');
      const catalogue = dataOf(await gql(`query($c: String!) { publishedStandards(associationCode: $c) { nodes { code inForce } } }`, { c: code })).publishedStandards.nodes;
      expect(catalogue).toEqual([{ code: `T/${code} 001\u2014${today.slice(0, 4)}`, inForce: false }, { code: published.code, inForce: true }]);
    });
  });

  describe('hold, termination and reminders', () => {
    it('ON_HOLD resumes only into the state it was paused in; termination needs a reason and is final', async () => {
      const id = dataOf(await gql(`mutation($i: ProposeStandardInput!) { proposeStandard(input: $i) { id } }`, { i: proposal({ title: '暂停测试标准' }) }, rep)).proposeStandard.id;
      dataOf(await transition({ standardId: id, to: 'PROJECT_REVIEW' }));
      expect(dataOf(await transition({ standardId: id, to: 'ON_HOLD', reason: '等待上级意见' })).transitionStandard).toMatchObject({ state: 'ON_HOLD', heldFrom: 'PROJECT_REVIEW', isoStageCode: null });
      await expectRefused(id, transition({ standardId: id, to: 'PROPOSED' }), 'TRANSITION_NOT_ALLOWED');
      expect(dataOf(await transition({ standardId: id, to: 'PROJECT_REVIEW' })).transitionStandard).toMatchObject({ state: 'PROJECT_REVIEW', heldFrom: null });
      dataOf(await transition({ standardId: id, to: 'TERMINATED', reason: '需求消失' }));
      await expectRefused(id, transition({ standardId: id, to: 'PROJECT_REVIEW' }), 'TRANSITION_NOT_ALLOWED');
    });

    it('reminds whoever owes an action idle longer than the stale period, once per period', async () => {
      const id = dataOf(await gql(`mutation($i: ProposeStandardInput!) { proposeStandard(input: $i) { id } }`, { i: proposal({ title: '提醒测试标准' }) }, rep)).proposeStandard.id;
      const housekeeping = service.app.get(StandardsHousekeepingService);
      expect((await housekeeping.remindActionHolders(14, today)).reminders.map((r) => r.standardId)).not.toContain(id);
      await sql(`UPDATE standards.standard SET state_entered_at = now() - interval '20 days' WHERE id = $1`, [id]);
      const run = await housekeeping.remindActionHolders(14, today);
      expect(run.reminders).toContainEqual({ standardId: id, state: 'PROPOSED', owedBy: 'OFFICE', recipients: ['OFFICE'] });
      expect((await housekeeping.remindActionHolders(14, today)).reminders.map((r) => r.standardId)).not.toContain(id);
      expect(await sql(`SELECT owed_by FROM standards.reminder WHERE standard_id = $1`, [id])).toEqual([{ owed_by: 'OFFICE' }]);
    });

    it('hides unpublished standards from outsiders', async () => {
      const id = (await sql<{ id: string }>(`SELECT id FROM standards.standard WHERE association_id = $1 AND code IS NULL LIMIT 1`, [associationId]))[0].id;
      expect((await gql(`query($id: ID!) { standard(id: $id) { id } }`, { id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await gql(`query($id: ID!) { standard(id: $id) { id } }`, { id }, token(randomUUID(), Role.ADMIN, randomUUID()))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await gql(`query($id: ID!) { standardHistory(id: $id) { toState } }`, { id }, token(randomUUID(), Role.STANDARDS_OFFICER, randomUUID()))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('scheduled jobs through the job queue', () => {
    it('each scheduled job runs from the queue and reports what it did', async () => {
      const jobs = new Queue(jobQueueName('standards'), { connection: { url: testRedisUrl() }, prefix: QUEUE_PREFIX });
      try {
        const run = async (name: string, payload: unknown) => {
          const job = await jobs.add(name, { payload, associationId: null, requestedBy: 'test', requestId: null }, { ...SCHEDULED_JOB_POLICY, attempts: 1 });
          return eventually(async () => ((await job.isCompleted()) ? ((await jobs.getJob(job.id!))!.returnvalue as { result: unknown }).result : undefined), { what: `${name} completed` });
        };
        expect(await run('standards.reviews.open', { today: '1999-01-01' })).toEqual({ opened: 0, standardIds: [] });
        expect(await run('standards.consultations.close', { today: '1999-01-01' })).toEqual({ closed: 0, consultationIds: [], standardIds: [] });
        expect(await run('standards.actions.remind', { staleAfterDays: 14, today: '1999-01-01' })).toEqual({ reminded: 0, reminders: [] });
      } finally {
        await jobs.close();
      }
    });
  });

  describe('standards in development', () => {
    it('a regulator lists those before publication (on hold included), not published, withdrawn or terminated ones', async () => {
      const association = randomUUID();
      await sql(`INSERT INTO standards.programme (association_id, code, minimum_working_group_units, comment_days, review_interval_years) VALUES ($1, $2, 3, 30, 3)`, [association, `${code}D`.slice(0, 16)]);
      const states = ['PROPOSED', 'DRAFTING', 'ON_HOLD', 'PUBLISHED', 'WITHDRAWN', 'TERMINATED'];
      for (const state of states) {
        await sql(
          `INSERT INTO standards.standard (association_id, title, state, held_from, code, published_on, approval_document_number, scope, necessity, related_standards, planned_units, patent_pre_disclosure, proposer_account_id, proposer_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 's', 'n', 'r', '{u}', 'p', 'a', 'n')`,
          [association, `状态 ${state}`, state, state === 'ON_HOLD' ? 'DRAFTING' : null, ...(state === 'PUBLISHED' ? [`T/${code}D 001\u20142024`, '2024-03-01', '文号'] : [null, null, null])],
        );
      }
      const query = `query($a: ID!) { standards(associationId: $a, inProgress: true) { totalCount nodes { state isoStageCode } } }`;
      const listed = (dataOf(await gql(query, { a: association }, token(randomUUID(), Role.REGULATOR, association))) as { standards: { nodes: Array<{ state: string; isoStageCode: string | null }> } }).standards;
      expect(listed.nodes.map((n) => n.state).sort()).toEqual(['DRAFTING', 'ON_HOLD', 'PROPOSED']);
      expect(listed.nodes.find((n) => n.state === 'DRAFTING')?.isoStageCode).toBe('20.20');
      expect((await gql(query, { a: association }, token(randomUUID(), Role.REGULATOR, randomUUID()))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('publication codes under concurrency', () => {
    it('ten standards published at the same moment get 001 to 010, each once', async () => {
      const association = randomUUID();
      const boss = token(randomUUID(), Role.STANDARDS_OFFICER, association);
      const code2 = `${code}C`.slice(0, 16);
      await sql(`INSERT INTO standards.programme (association_id, code, minimum_working_group_units, comment_days, review_interval_years) VALUES ($1, $2, 3, 30, 3)`, [association, code2]);
      const ids: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        const [{ id }] = await sql<{ id: string }>(
          `INSERT INTO standards.standard (association_id, title, state, scope, necessity, related_standards, planned_units, patent_pre_disclosure, proposer_account_id, proposer_name)
           VALUES ($1, $2, 'APPROVAL_PENDING', 's', 'n', 'r', '{u}', 'p', 'a', 'n') RETURNING id`,
          [association, `并发标准 ${i}`],
        );
        ids.push(id);
      }
      const results = await Promise.all(ids.map((id) => transition({ standardId: id, to: 'PUBLISHED', publication: { publishedOn: '2024-03-01', implementedOn: '2024-06-01', approvalDocumentNumber: `文号${id.slice(0, 4)}` } }, boss)));
      const codes = results.map((r) => dataOf(r).transitionStandard.code as string).sort();
      expect(codes).toEqual(Array.from({ length: 10 }, (_, i) => `T/${code2} ${String(i + 1).padStart(3, '0')}\u20142024`));
      expect(await sql(`SELECT last_sequence FROM standards.code_counter WHERE association_id = $1 AND year = 2024`, [association])).toEqual([{ last_sequence: 10 }]);
    });
  });
});
