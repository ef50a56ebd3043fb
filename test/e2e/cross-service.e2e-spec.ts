import { addDays, chinaDateOf, todayInChina } from '@app/common';
import { Stack, aCreditCode, dataOf, eventually, graphql, sqlQuery, type GraphQLResponse } from '@app/testing';
import { PASSWORD, createTenant, login, signInOperator, type Tenant } from './support/tenants';

/**
 * The four services working together through real processes, driven only through the gateway: what
 * one service records reaches the others by events, and what users do there depends on it.
 */

const DAY = 86_400_000;
const reasonOf = (response: GraphQLResponse<unknown>): unknown => response.errors?.[0]?.extensions?.reason;
const codeOf = (response: GraphQLResponse<unknown>): unknown => response.errors?.[0]?.extensions?.code;

const REGISTER_ORGANIZATION = `mutation($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id name } }`;
const CREATE_TERM = `mutation($i: CreateCouncilTermInput!) { createCouncilTerm(input: $i) { id } }`;
const APPOINT = `mutation($i: AppointOfficeInput!) { appointOffice(input: $i) { id post holderName } }`;
const END_OFFICE = `mutation($i: EndOfficeInput!) { endOffice(input: $i) { endsOn } }`;
const OFFICE_HOLDERS = `query($a: ID!, $d: String) { officeHolders(associationId: $a, date: $d) { date councilTermId holders { post holderOrganizationId holderName startsOn endsOn source } } }`;
const RECORD_EXISTING = `mutation($i: RecordExistingMembershipInput!) { recordExistingMembership(input: $i) { id status memberNumber } }`;
const CHANGE_STATUS = `mutation($i: ChangeMembershipStatusInput!) { changeMembershipStatus(input: $i) { status } }`;
const UPDATE_ORGANIZATION = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id name } }`;
const SIGNATURES = `query($c: ID!) { conventionSignatures(conventionId: $c) { totalCount nodes { organizationId organizationName } } }`;
const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`;
const PUBLISH_EVENT = `mutation($id: ID!) { publishEvent(eventId: $id) { id status } }`;
const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { id status organizationId } } }`;
const RECORD_ATTENDANCE = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { attendance } }`;
const ADD_ITEM = `mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id status } }`;
const OPEN_VOTE = `mutation($id: ID!) { openAgendaItemVote(agendaItemId: $id) { status electorateSize } }`;
const VOTE = `mutation($i: CastMeetingVoteInput!) { castMeetingVote(input: $i) { id } }`;
const CLOSE_VOTE = `mutation($id: ID!) { closeAgendaItemVote(agendaItemId: $id) { status result yes no presentCount electorateSize } }`;
const MINUTES = `query($e: ID!) { meetingMinutes(eventId: $e) { electorateSize presentCount quorumRequired quorumMet items { title status result } } }`;
const AGENDA = `query($e: ID!) { meetingAgenda(eventId: $e) { id status } }`;
const CONFIGURE_PROGRAMME = `mutation($i: ConfigureStandardsProgrammeInput!) { configureStandardsProgramme(input: $i) { code } }`;
const PROPOSE = `mutation($i: ProposeStandardInput!) { proposeStandard(input: $i) { id state proposer { displayName organizationId } } }`;
const STANDARDS = `query($a: ID!) { standards(associationId: $a) { totalCount nodes { id title } } }`;
const CREATE_CONVENTION = `mutation($i: CreateConventionInput!) { createConvention(input: $i) { id conventionId status } }`;
const ADOPT = `mutation($i: AdoptConventionVersionInput!) { adoptConventionVersion(input: $i) { status effectiveOn } }`;
const SIGN = `mutation($i: SignConventionInput!) { signConvention(input: $i) { id organizationId organizationName signedOn inForce } }`;
const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`;
const ME = `{ me { id } }`;
const SUBMIT_COMPLAINT = `mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { complaintId stage } }`;
const ADMIT = `mutation($i: AdmitComplaintInput!) { admitComplaint(input: $i) { stage } }`;
const ASSIGN = `mutation($i: AssignInvestigatorInput!) { assignInvestigator(input: $i) { accountId } }`;
const REPLY = `mutation($i: ReplyToComplaintInput!) { replyToComplaint(input: $i) { id } }`;
const FINDING = `mutation($i: RecordFindingInput!) { recordFinding(input: $i) { stage } }`;
const DECIDE = `mutation($i: DecideComplaintInput!) { decideComplaint(input: $i) { stage sanctionId } }`;
const ORGANIZATION_SANCTIONS = `query($id: ID!) { organization(id: $id) { sanctions { sanctionId grade basisArticles publicationScope } } }`;

/** A small synthetic convention text: two chapters, numbered articles (not a real document). */
const CONVENTION_TEXT = ['联调自律公约', '第一章 总则', '第一条 为规范会员单位经营行为，制定本公约。', '第二条 本公约由协会秘书处负责执行。', '第二章 自律条款', '第三条 签约单位应当依法经营，保护用户个人信息。'].join('\n');

describe('the services together, through the gateway', () => {
  let stack: Stack;
  let url: string;
  let tenant: Tenant;
  /** A registered organization that never becomes a member, seen by every service. */
  let outsider: { id: string; name: string };

  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => graphql<T>(url, query, variables, { token: tenant.adminToken });
  const ok = async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => dataOf(await gql<T>(query, variables));
  const registerOrganization = async (name: string) =>
    (await ok<{ registerOrganization: { id: string; name: string } }>(REGISTER_ORGANIZATION, { input: { associationId: tenant.associationId, name, creditCode: aCreditCode() } })).registerOrganization;
  /** Retries a command refused only until another service has caught up; any other outcome is returned. */
  const whenCaughtUp = async <T>(command: () => Promise<GraphQLResponse<T>>, waitingReasons: string[], what: string): Promise<GraphQLResponse<T>> =>
    eventually(
      async () => {
        const response = await command();
        return waitingReasons.includes(String(reasonOf(response))) ? undefined : response;
      },
      { what, timeoutMs: 20_000, intervalMs: 150 },
    );

  const meetingStartsAt = new Date(Date.now() + 5 * DAY);
  meetingStartsAt.setUTCHours(2, 0, 0, 0);
  const meetingDate = chinaDateOf(meetingStartsAt);

  beforeAll(async () => {
    stack = await Stack.start();
    url = `${stack.gatewayUrl}/graphql`;
    tenant = await createTenant(url, await signInOperator(stack, url), '联调', 0);
    outsider = await registerOrganization('联调非会员单位');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function createMeeting(input: Record<string, unknown>): Promise<string> {
    const { createEvent } = await ok<{ createEvent: { id: string } }>(CREATE_EVENT, { i: { associationId: tenant.associationId, startsAt: meetingStartsAt.toISOString(), endsAt: new Date(meetingStartsAt.getTime() + 4 * 3_600_000).toISOString(), ...input } });
    expect((await ok<{ publishEvent: { status: string } }>(PUBLISH_EVENT, { id: createEvent.id })).publishEvent.status).toBe('PUBLISHED');
    return createEvent.id;
  }

  /** Council: membership's offices become events' electorate; an adopted election becomes a membership office. */
  async function councilElection(): Promise<void> {
    const today = todayInChina(); // per flow: a run may pass midnight in China
    const directors = await Promise.all(['联调理事单位甲', '联调理事单位乙', '联调理事单位丙'].map(registerOrganization));
    const termStartsOn = addDays(today, -30);
    const termEndsOn = addDays(today, 3 * 365);
    const { createCouncilTerm } = await ok<{ createCouncilTerm: { id: string } }>(CREATE_TERM, { i: { associationId: tenant.associationId, termNumber: 1, name: '第一届理事会', startsOn: termStartsOn, endsOn: termEndsOn } });
    const officeIds: string[] = [];
    for (const director of directors) {
      officeIds.push((await ok<{ appointOffice: { id: string } }>(APPOINT, { i: { councilTermId: createCouncilTerm.id, post: 'DIRECTOR', holder: { organizationId: director.id }, startsOn: termStartsOn } })).appointOffice.id);
    }

    const meetingId = await createMeeting({ category: 'COUNCIL_MEETING', title: '第一届理事会第二次会议', venue: '协会会议室' });
    // Registration for a council meeting is open only to seats events has learnt of from membership.
    const registrations: string[] = [];
    for (const [i, director] of directors.entries()) {
      const ticket = await whenCaughtUp(() => gql<{ registerForEvent: { registration: { id: string; status: string } } }>(REGISTER, { i: { eventId: meetingId, attendeeName: `理事代表${i + 1}`, attendeeEmail: `director${i + 1}@example.org`, organizationId: director.id } }), ['AUDIENCE_COUNCIL_ONLY'], `council seat of ${director.name} in events`);
      expect(dataOf(ticket).registerForEvent.registration.status).toBe('CONFIRMED');
      registrations.push(dataOf(ticket).registerForEvent.registration.id);
    }
    const outsiderAtCouncil = await gql(REGISTER, { i: { eventId: meetingId, attendeeName: '非理事', attendeeEmail: 'outsider@example.org', organizationId: outsider.id } });
    expect(reasonOf(outsiderAtCouncil)).toBe('AUDIENCE_COUNCIL_ONLY');
    expect((await ok<{ meetingMinutes: { electorateSize: number; quorumRequired: number } }>(MINUTES, { e: meetingId })).meetingMinutes).toMatchObject({ electorateSize: 3, quorumRequired: 2 });

    // Too few present: one of three seats; no vote opens and the item stays pending.
    const thinMeetingId = await createMeeting({ category: 'COUNCIL_MEETING', title: '第一届理事会临时会议' });
    const lone = dataOf(await gql<{ registerForEvent: { registration: { id: string } } }>(REGISTER, { i: { eventId: thinMeetingId, attendeeName: '理事代表1', attendeeEmail: 'director1@example.org', organizationId: directors[0].id } }));
    await ok(RECORD_ATTENDANCE, { i: { registrationId: lone.registerForEvent.registration.id, attendance: 'PRESENT' } });
    const thinItem = (await ok<{ addAgendaItem: { id: string } }>(ADD_ITEM, { i: { eventId: thinMeetingId, title: '审议年度工作报告', kind: 'GENERAL' } })).addAgendaItem;
    const refused = await gql(OPEN_VOTE, { id: thinItem.id });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(reasonOf(refused)).toBe('QUORUM_NOT_MET');
    expect((await ok<{ meetingAgenda: Array<{ id: string; status: string }> }>(AGENDA, { e: thinMeetingId })).meetingAgenda).toEqual([{ id: thinItem.id, status: 'PENDING' }]);
    expect((await ok<{ meetingMinutes: { quorumMet: boolean; presentCount: number } }>(MINUTES, { e: thinMeetingId })).meetingMinutes).toMatchObject({ quorumMet: false, presentCount: 1 });

    // A quorum present: the election of a vice-president is adopted.
    for (const registrationId of registrations) await ok(RECORD_ATTENDANCE, { i: { registrationId, attendance: 'PRESENT' } });
    const elected = directors[1];
    const election = (await ok<{ addAgendaItem: { id: string } }>(ADD_ITEM, {
      i: { eventId: meetingId, title: '选举副会长单位', kind: 'ELECTION', appointments: [{ councilTermId: createCouncilTerm.id, post: 'VICE_PRESIDENT', organizationId: elected.id, holderName: elected.name, startsOn: meetingDate, endsOn: termEndsOn }] },
    })).addAgendaItem;
    expect((await ok<{ openAgendaItemVote: { status: string; electorateSize: number } }>(OPEN_VOTE, { id: election.id })).openAgendaItemVote).toEqual({ status: 'VOTING', electorateSize: 3 });
    for (const [director, position] of [[directors[0], 'YES'], [directors[1], 'YES'], [directors[2], 'NO']] as const) {
      await ok(VOTE, { i: { agendaItemId: election.id, voterId: director.id, position } });
    }
    const closed = (await ok<{ closeAgendaItemVote: Record<string, unknown> }>(CLOSE_VOTE, { id: election.id })).closeAgendaItemVote;
    expect(closed).toEqual({ status: 'ADOPTED', result: '审议通过', yes: 2, no: 1, presentCount: 3, electorateSize: 3 });

    // Membership applies the adopted election: on the meeting day the unit holds the office.
    const holders = await eventually(
      async () => {
        const { officeHolders } = dataOf(await graphql<{ officeHolders: { councilTermId: string; holders: Array<Record<string, unknown>> } }>(url, OFFICE_HOLDERS, { a: tenant.associationId, d: meetingDate }));
        return officeHolders.holders.some((h) => h.post === 'VICE_PRESIDENT') ? officeHolders : undefined;
      },
      { what: 'the elected vice-president in membership', timeoutMs: 20_000 },
    );
    expect(holders.councilTermId).toBe(createCouncilTerm.id);
    expect(holders.holders.filter((h) => h.post === 'VICE_PRESIDENT')).toEqual([{ post: 'VICE_PRESIDENT', holderOrganizationId: elected.id, holderName: elected.name, startsOn: meetingDate, endsOn: termEndsOn, source: 'RESOLUTION' }]);
    expect(holders.holders.filter((h) => h.post === 'DIRECTOR').map((h) => h.holderOrganizationId).sort()).toEqual(directors.map((d) => d.id).sort());
    // The day before the meeting, the unit was not yet vice-president.
    const before = dataOf(await graphql<{ officeHolders: { holders: Array<{ post: string }> } }>(url, OFFICE_HOLDERS, { a: tenant.associationId, d: addDays(meetingDate, -1) })).officeHolders;
    expect(before.holders.map((h) => h.post)).toEqual(['DIRECTOR', 'DIRECTOR', 'DIRECTOR']);

    // A director leaves the council in membership: a later council meeting no longer counts that seat,
    // while the new vice-president (also a director) still holds one seat, not two.
    const endsOn = addDays(meetingDate, 1);
    await ok(END_OFFICE, { i: { officeId: officeIds[2], endsOn, reason: '辞去理事职务' } });
    const laterStartsAt = new Date(meetingStartsAt.getTime() + 5 * DAY);
    const laterMeetingId = await createMeeting({ category: 'COUNCIL_MEETING', title: '第一届理事会第三次会议', startsAt: laterStartsAt.toISOString(), endsAt: new Date(laterStartsAt.getTime() + 4 * 3_600_000).toISOString() });
    const later = await eventually(async () => {
      const { meetingMinutes } = await ok<{ meetingMinutes: { electorateSize: number; quorumRequired: number } }>(MINUTES, { e: laterMeetingId });
      return meetingMinutes.electorateSize === 2 ? meetingMinutes : undefined;
    }, { what: 'the ended office in events' });
    expect(later).toMatchObject({ electorateSize: 2 });
    const leaver = await gql(REGISTER, { i: { eventId: laterMeetingId, attendeeName: '理事代表3', attendeeEmail: 'director3@example.org', organizationId: directors[2].id } });
    expect(reasonOf(leaver)).toBe('AUDIENCE_COUNCIL_ONLY');
    expect(dataOf(await gql<{ registerForEvent: { registration: { status: string } } }>(REGISTER, { i: { eventId: laterMeetingId, attendeeName: '副会长代表', attendeeEmail: 'vp@example.org', organizationId: elected.id } })).registerForEvent.registration.status).toBe('CONFIRMED');
  }

  /** Admission: a unit that becomes an ACTIVE member in membership may register for members-only events. */
  async function admissionReachesEvents(): Promise<void> {
    const today = todayInChina(); // per flow: a run may pass midnight in China
    const unit = await registerOrganization('联调新会员单位');
    const forumId = await createMeeting({ category: 'FORUM', title: '会员单位数据安全研讨会', audience: 'MEMBERS_ONLY', venue: '协会报告厅' });
    const register = (organizationId: string, email: string) => gql<{ registerForEvent: { registration: { id: string; status: string; organizationId: string } } }>(REGISTER, { i: { eventId: forumId, attendeeName: '参会代表', attendeeEmail: email, organizationId } });

    // Before admission the unit is refused like any non-member.
    expect(reasonOf(await register(unit.id, 'early@example.org'))).toBe('AUDIENCE_MEMBERS_ONLY');
    const membership = (await ok<{ recordExistingMembership: { id: string; status: string; memberNumber: string } }>(RECORD_EXISTING, { i: { organizationId: unit.id, grade: 'MEMBER', admittedOn: addDays(today, -365), validUntil: addDays(today, 365) } })).recordExistingMembership;
    expect(membership.status).toBe('ACTIVE');
    expect(membership.memberNumber).toBeTruthy();

    const accepted = await whenCaughtUp(() => register(unit.id, 'member@example.org'), ['AUDIENCE_MEMBERS_ONLY'], 'the admitted unit in events');
    expect(dataOf(accepted).registerForEvent.registration).toMatchObject({ status: 'CONFIRMED', organizationId: unit.id });

    // The outsider is known to events (as a non-member) and still refused.
    await eventually(async () => ((await sqlQuery(stack.databaseUrl, `SELECT 1 FROM events.member_directory WHERE organization_id = $1`, [outsider.id])).length ? true : undefined), { what: 'the outsider in events' });
    const refused = await register(outsider.id, 'outsider@example.org');
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(reasonOf(refused)).toBe('AUDIENCE_MEMBERS_ONLY');

    // Suspended in membership: events stops accepting new registrations for the unit.
    const suspended = (await ok<{ changeMembershipStatus: { status: string } }>(CHANGE_STATUS, { i: { membershipId: membership.id, status: 'SUSPENDED', reason: '暂停会员资格' } })).changeMembershipStatus;
    expect(suspended.status).toBe('SUSPENDED');
    // Until the change arrives a registration may still be accepted; each attempt is another attendee.
    let attempt = 0;
    const afterSuspension = await eventually(async () => {
      const response = await register(unit.id, `attendee${(attempt += 1)}@example.org`);
      return response.errors ? response : undefined;
    }, { what: 'the suspension in events' });
    expect(reasonOf(afterSuspension)).toBe('AUDIENCE_MEMBERS_ONLY');
  }

  /** Standards: an organization registered in membership may propose a standard; an unknown one may not. */
  async function organizationsReachStandards(): Promise<void> {
    const unit = await registerOrganization('联调标准牵头单位');
    await ok(CONFIGURE_PROGRAMME, { i: { associationId: tenant.associationId, code: 'LTXH' } });
    const proposal = (organizationId: string, title: string) => ({
      i: {
        associationId: tenant.associationId,
        title,
        scope: '规定了网络数据分类分级的原则和方法。',
        necessity: '行业缺少统一的数据分类分级规则。',
        relatedStandards: 'GB/T 43697-2024',
        plannedUnits: ['联调标准牵头单位'],
        patentPreDisclosure: '未知悉相关专利。',
        actor: { displayName: '标准起草人', organizationId },
      },
    });

    const unknown = await gql(PROPOSE, proposal('00000000-0000-4000-8000-00000000abcd', '未知单位提出的标准'));
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(reasonOf(unknown)).toBe('UNKNOWN_ORGANIZATION');

    const proposed = dataOf(await whenCaughtUp(() => gql<{ proposeStandard: { id: string; state: string; proposer: { displayName: string; organizationId: string } } }>(PROPOSE, proposal(unit.id, '网络数据分类分级指南')), ['UNKNOWN_ORGANIZATION'], 'the unit in standards')).proposeStandard;
    expect(proposed).toMatchObject({ state: 'PROPOSED', proposer: { displayName: '标准起草人', organizationId: unit.id } });
    const { standards } = await ok<{ standards: { totalCount: number; nodes: Array<{ id: string; title: string }> } }>(STANDARDS, { a: tenant.associationId });
    expect(standards.nodes).toEqual([{ id: proposed.id, title: '网络数据分类分级指南' }]);
  }

  /** Enforcement: an organization registered in membership may sign a convention in effect; an unknown one may not. */
  async function organizationsReachEnforcement(): Promise<void> {
    const today = todayInChina(); // per flow: a run may pass midnight in China
    const unit = await registerOrganization('联调签约单位');
    const created = (await ok<{ createConvention: { id: string; conventionId: string; status: string } }>(CREATE_CONVENTION, { i: { associationId: tenant.associationId, kind: 'CONVENTION', title: '联调行业自律公约', executingBody: '联调网络安全协会', text: CONVENTION_TEXT } })).createConvention;
    expect(created.status).toBe('DRAFT');
    const adopted = (await ok<{ adoptConventionVersion: { status: string; effectiveOn: string } }>(ADOPT, {
      i: { versionId: created.id, method: 'INITIATOR_SIGNATURES', adoptedOn: today, effectiveOn: today, initiators: [{ name: '发起单位', signerCapacity: 'LEGAL_REPRESENTATIVE', signedOn: today }] },
    })).adoptConventionVersion;
    expect(adopted).toEqual({ status: 'EFFECTIVE', effectiveOn: today });

    const sign = (organizationId: string) => gql<{ signConvention: Record<string, unknown> }>(SIGN, { i: { conventionVersionId: created.id, organizationId, signerCapacity: 'LEGAL_REPRESENTATIVE', signerName: '王五', signedOn: today } });
    const unknown = await sign('00000000-0000-4000-8000-00000000abcd');
    expect(reasonOf(unknown)).toBe('UNKNOWN_ORGANIZATION');
    const signed = dataOf(await whenCaughtUp(() => sign(unit.id), ['UNKNOWN_ORGANIZATION'], 'the unit in enforcement')).signConvention;
    expect(signed).toMatchObject({ organizationId: unit.id, organizationName: '联调签约单位', signedOn: today, inForce: true });

    // Renamed in membership: the signatory list shows the new name.
    await ok(UPDATE_ORGANIZATION, { input: { id: unit.id, name: '联调签约单位（更名）' } });
    const list = await eventually(async () => {
      const { conventionSignatures } = await ok<{ conventionSignatures: { totalCount: number; nodes: Array<{ organizationId: string; organizationName: string }> } }>(SIGNATURES, { c: created.conventionId });
      return conventionSignatures.nodes[0]?.organizationName === '联调签约单位（更名）' ? conventionSignatures : undefined;
    }, { what: 'the new name in enforcement' });
    expect(list).toEqual({ totalCount: 1, nodes: [{ organizationId: unit.id, organizationName: '联调签约单位（更名）' }] });
  }

  async function sanctionReachesMembership(): Promise<void> {
    const today = todayInChina(); // per flow: a run may pass midnight in China
    const unit = await registerOrganization('联调受处分单位');
    const created = (await ok<{ createConvention: { id: string; conventionId: string } }>(CREATE_CONVENTION, { i: { associationId: tenant.associationId, kind: 'CONVENTION', title: '联调处分公约', executingBody: '联调网络安全协会', text: CONVENTION_TEXT } })).createConvention;
    await ok(ADOPT, { i: { versionId: created.id, method: 'INITIATOR_SIGNATURES', adoptedOn: today, effectiveOn: today, initiators: [{ name: '发起单位', signerCapacity: 'LEGAL_REPRESENTATIVE', signedOn: today }] } });
    dataOf(await whenCaughtUp(() => gql(SIGN, { i: { conventionVersionId: created.id, organizationId: unit.id, signerCapacity: 'LEGAL_REPRESENTATIVE', signerName: '赵六', signedOn: today } }), ['UNKNOWN_ORGANIZATION'], 'the unit in enforcement'));

    // The respondent's representative, who replies; the association's admin handles the case.
    const repEmail = `rep-${unit.id}@example.org`;
    await ok(CREATE_ACCOUNT, { input: { email: repEmail, displayName: '被投诉单位代表', password: PASSWORD, grant: { associationId: tenant.associationId, role: 'MEMBER_REP', organizationId: unit.id } } });
    const repToken = await login(url, repEmail);
    const adminId = (await ok<{ me: { id: string } }>(ME)).me.id;
    const { complaintId } = (await ok<{ submitComplaint: { complaintId: string } }>(SUBMIT_COMPLAINT, {
      i: { associationId: tenant.associationId, source: 'EXECUTING_BODY', conventionId: created.conventionId, respondentOrganizationId: unit.id, articleNumbers: [3], facts: '该单位违规收集并出售用户个人信息。' },
    })).submitComplaint;
    await ok(ADMIT, { i: { complaintId, replyDays: 7 } });
    await ok(ASSIGN, { i: { complaintId, accountId: adminId, name: '联调调查员', organizationId: null } });
    dataOf(await graphql(url, REPLY, { i: { complaintId, text: '我方对此有异议，已提交说明。' } }, { token: repToken }));
    await ok(FINDING, { i: { complaintId, finding: 'BREACH', breachedArticles: [3], adverseImpact: true, summary: '经查证属实，造成恶劣影响。' } });
    const { sanctionId } = (await ok<{ decideComplaint: { sanctionId: string } }>(DECIDE, {
      i: { complaintId, decision: 'SANCTION', summary: '取消公约成员资格。', sanction: { grade: 'REVOCATION', basisArticles: [3], publicationScope: 'PUBLIC', publicationDays: 30 } },
    })).decideComplaint;

    // Enforcement ended the signature in the decision's transaction; membership records the sanction.
    const signatures = (await ok<{ conventionSignatures: { totalCount: number } }>(`query($c: ID!) { conventionSignatures(conventionId: $c, inForceOn: "${today}") { totalCount } }`, { c: created.conventionId })).conventionSignatures;
    expect(signatures.totalCount).toBe(0);
    const record = await eventually(async () => {
      const { organization } = await ok<{ organization: { sanctions: Array<Record<string, unknown>> } }>(ORGANIZATION_SANCTIONS, { id: unit.id });
      return organization.sanctions.length > 0 ? organization.sanctions : undefined;
    }, { what: 'the sanction on the organization record in membership' });
    expect(record).toEqual([{ sanctionId, grade: 'REVOCATION', basisArticles: [expect.stringContaining('3')], publicationScope: 'PUBLIC' }]);
  }

  // The flows are independent: run them at once, each test waits for its own.
  let flows: Record<'council' | 'admission' | 'standards' | 'enforcement' | 'sanction', Promise<void>>;
  beforeAll(() => {
    flows = {
      council: councilElection(),
      admission: admissionReachesEvents(),
      standards: organizationsReachStandards(),
      enforcement: organizationsReachEnforcement(),
      sanction: sanctionReachesMembership(),
    };
    for (const flow of Object.values(flows)) flow.catch(() => undefined);
  });

  it('a council elected in events: membership seats feed the electorate, too few present cannot vote, the adopted election becomes a membership office, an ended office leaves the electorate', async () => {
    await flows.council;
  });

  it('a unit admitted in membership may register for a members-only event, and no longer once suspended; a registered non-member is refused', async () => {
    await flows.admission;
  });

  it('an organization registered in membership may propose a standard; an unknown organization is refused', async () => {
    await flows.standards;
  });

  it('an organization registered in membership may sign a convention in effect and its new name shows on the signatory list; an unknown organization is refused', async () => {
    await flows.enforcement;
  });

  it('a revocation decided in enforcement ends the signature at once and appears on the organization record in membership', async () => {
    await flows.sanction;
  });

  it('regulators read the member register, its changes and the standards in development over REST: public fields only, bad dates 400, unknown codes 404', async () => {
    const today = todayInChina(); // per flow: a run may pass midnight in China
    await flows.admission;
    const { association } = await ok<{ association: { shortCode: string } }>(`query($id: ID!) { association(id: $id) { shortCode } }`, { id: tenant.associationId });
    const { issueApiClientKey } = await ok<{ issueApiClientKey: { key: string } }>(`mutation($input: IssueApiClientKeyInput!) { issueApiClientKey(input: $input) { key } }`, {
      input: { name: '联调市网信办', associationIds: [tenant.associationId] },
    });
    const get = (path: string) => fetch(`${stack.gatewayUrl}/api/v1/associations/${path}`, { headers: { 'x-api-key': issueApiClientKey.key } });

    const register = await get(`${association.shortCode}/members?first=100`);
    expect(register.status).toBe(200);
    const members = (await register.json()) as { data: Array<Record<string, unknown>>; page: { totalCount: number } };
    const admitted = members.data.find((m) => m.name === '联调新会员单位');
    expect(admitted).toMatchObject({ grade: 'MEMBER', memberNumber: expect.any(String) });
    // Public fields only: nothing about people or contacts.
    expect(JSON.stringify(members.data)).not.toMatch(/example\.org|phone|email|legalRepresentative/i);

    const changes = await get(`${association.shortCode}/members/changes?from=${addDays(today, -400)}&to=${today}`);
    expect(changes.status).toBe(200);
    const { data } = (await changes.json()) as { data: Array<{ kind: string; name: string }> };
    expect(data).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'ADMISSION', name: '联调新会员单位' })]));

    const badDate = await get(`${association.shortCode}/members/changes?from=2024-13-01`);
    expect(badDate.status).toBe(400);
    expect(badDate.headers.get('content-type')).toContain('application/problem+json');
    expect((await get('ZZNOSUCH/members')).status).toBe(404);

    // Standards in development, with state and ISO stage code.
    await flows.standards;
    const projects = await get(`${association.shortCode}/standard-projects`);
    expect(projects.status).toBe(200);
    const inDevelopment = (await projects.json()) as { data: Array<{ title: string; state: string; isoStageCode: string; project: unknown }> };
    expect(inDevelopment.data).toEqual([expect.objectContaining({ title: '网络数据分类分级指南', state: 'PROPOSED', isoStageCode: '00.00', project: null })]);
  });

  it('a member file of a few hundred kilobytes goes through the gateway to the import job (request bodies above 100 KiB are accepted)', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [`联调批量导入单位第${i + 1}号信息技术有限公司`, aCreditCode(), '会员', '导入法人', '示例市', `示例市示例区示例路${i + 1}号示例大厦`, '2015-06-01', '网络安全', '12'].join(','));
    const csv = `\uFEFF单位名称,统一社会信用代码,会员等级,法定代表人,注册城市,地址,成立日期,业务领域,技术人员数\n${rows.join('\n')}\n`;
    expect(Buffer.byteLength(csv)).toBeGreaterThan(150 * 1024);
    // A new association defines its own taxonomy of fields of work before it imports against it.
    await ok(`mutation($a: ID!, $names: [String!]!) { defineFieldsOfWork(associationId: $a, names: $names) { name } }`, { a: tenant.associationId, names: ['网络安全'] });
    const { importMembers } = await ok<{ importMembers: { id: string } }>(`mutation($a: ID!, $csv: String!) { importMembers(associationId: $a, csv: $csv) { id } }`, { a: tenant.associationId, csv });
    const run = await eventually(async () => {
      const { batchRun } = await ok<{ batchRun: { state: string; total: number; succeeded: number; failed: number } }>(`query($id: ID!) { batchRun(id: $id) { state total succeeded failed } }`, { id: importMembers.id });
      return batchRun.state === 'RUNNING' || batchRun.state === 'QUEUED' ? undefined : batchRun;
    }, { what: 'the import to finish', timeoutMs: 30_000 });
    expect(run).toEqual({ state: 'SUCCEEDED', total: 1500, succeeded: 1500, failed: 0 });
  });
});
