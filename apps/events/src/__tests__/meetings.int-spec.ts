import { randomUUID } from 'node:crypto';
import { Role } from '@app/auth';
import { dataOf, errorCodeOf, graphql, sqlQuery, startServiceInProcess, type InProcessService } from '@app/testing';
import { EventsAppModule } from '../app.module';
import { EventsConfig } from '../config/events.config';
import { EventsTestKit, REGISTER, inDays, type Ticket } from './events-test-kit';

const RECORD = `mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { attendance } }`;
const ADD_ITEM = `mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id position rule status } }`;
const OPEN = `mutation($id: ID!) { openAgendaItemVote(agendaItemId: $id) { status electorateSize } }`;
const VOTE = `mutation($i: CastMeetingVoteInput!) { castMeetingVote(input: $i) { id } }`;
const CLOSE = `mutation($id: ID!) { closeAgendaItemVote(agendaItemId: $id) { status result yes no abstain presentCount electorateSize } }`;
const MINUTES = `query($e: ID!) { meetingMinutes(eventId: $e) { title meetingDate electorateSize presentCount proxyCount absentCount quorumRequired quorumMet
  attendance { name organizationId attendance } items { position title kind rule status result yes no abstain presentCount electorateSize appointments { post organizationId holderName startsOn } } } }`;

describe('council meetings, quorum and resolutions (in process, real PostgreSQL and Redis)', () => {
  let service: InProcessService<EventsConfig>;
  let kit: EventsTestKit;
  const associationId = randomUUID();
  let officer: string;
  let seats: string[];
  let meetingId: string;
  let meetingStartsAt: string; // kept: a run may pass midnight before the vote
  const registrations = new Map<string, string>();

  beforeAll(async () => {
    service = await startServiceInProcess(EventsConfig, (c) => EventsAppModule.forRoot(c), 'events');
    kit = new EventsTestKit(service);
    officer = kit.token(associationId, Role.EVENTS_OFFICER);
    seats = [];
    for (let i = 0; i < 9; i += 1) {
      const unit = await kit.memberUnit(associationId, `理事单位${i + 1}`);
      await kit.councilSeat(associationId, unit, '2024-01-01');
      seats.push(unit);
    }
    // Not in the council electorate: a supervisor, and a director whose term ended before the meeting.
    await kit.councilSeat(associationId, await kit.memberUnit(associationId, '监事单位'), '2024-01-01', 'SUPERVISOR');
    await kit.councilSeat(associationId, await kit.memberUnit(associationId, '前任理事单位'), '2020-01-01', 'DIRECTOR', '2023-12-31');
    meetingStartsAt = inDays(5);
    meetingId = await kit.createEvent(officer, { associationId, category: 'COUNCIL_MEETING', title: '第三届理事会第五次会议', venue: '协会会议室', startsAt: meetingStartsAt, endsAt: inDays(5, 6) });
    for (const [i, seat] of seats.entries()) {
      const ticket = dataOf(await graphql<Ticket>(service.url, REGISTER, { i: { eventId: meetingId, attendeeName: `理事代表${i + 1}`, attendeeEmail: `director${i}@example.org`, organizationId: seat } }, { token: officer }));
      registrations.set(seat, ticket.registerForEvent.registration.id);
    }
  });

  afterAll(async () => {
    await kit?.close();
    await service?.close();
  });

  const present = async (seat: string) => dataOf(await graphql(service.url, RECORD, { i: { registrationId: registrations.get(seat), attendance: 'PRESENT' } }, { token: officer }));
  const addItem = async (title: string, kind: string, appointments?: unknown[]) =>
    dataOf(await graphql<{ addAgendaItem: { id: string; rule: string } }>(service.url, ADD_ITEM, { i: { eventId: meetingId, title, kind, appointments } }, { token: officer })).addAgendaItem;
  const voteAs = (seat: string, agendaItemId: string, position: string) =>
    graphql(service.url, VOTE, { i: { agendaItemId, voterId: seat, position } }, { token: kit.token(associationId, Role.COUNCIL_MEMBER, seat) });
  const runVote = async (agendaItemId: string, yes: number, no: number) => {
    dataOf(await graphql(service.url, OPEN, { id: agendaItemId }, { token: officer }));
    for (const seat of seats.slice(0, yes)) dataOf(await voteAs(seat, agendaItemId, 'YES'));
    for (const seat of seats.slice(yes, yes + no)) dataOf(await voteAs(seat, agendaItemId, 'NO'));
    return dataOf(await graphql<{ closeAgendaItemVote: Record<string, unknown> }>(service.url, CLOSE, { id: agendaItemId }, { token: officer })).closeAgendaItemVote;
  };

  it('builds the council roster on the meeting date from membership events, newest office change winning', async () => {
    // An ENDED change that happened before the appointment arrives late and does not unseat the unit.
    const unit = await kit.memberUnit(associationId, '后到事件单位');
    const officeId = randomUUID();
    const office = { councilTermId: randomUUID(), officeId, post: 'DIRECTOR' as const, holderOrganizationId: unit, holderPersonId: null, holderName: '后到事件单位', startsOn: '2030-01-01' };
    await kit.deliver('membership.office.changed', associationId, { ...office, endsOn: null, change: 'APPOINTED' }, new Date());
    await kit.deliver('membership.office.changed', associationId, { ...office, endsOn: '2030-06-30', change: 'ENDED' }, new Date(Date.now() - 60_000));
    expect(await sqlQuery(service.databaseUrl, `SELECT change, ends_on FROM events.council_office WHERE office_id = $1`, [officeId])).toEqual([{ change: 'APPOINTED', ends_on: null }]);
    const minutes = dataOf(await graphql<{ meetingMinutes: { electorateSize: number } }>(service.url, MINUTES, { e: meetingId }, { token: officer }));
    expect(minutes.meetingMinutes.electorateSize).toBe(9);
  });

  it('an office held by a name alone (no unit, no person) is applied without becoming a seat', async () => {
    const officeId = randomUUID();
    const result = await kit.deliver('membership.office.changed', associationId, {
      councilTermId: randomUUID(), officeId, post: 'SECRETARY_GENERAL', holderOrganizationId: null, holderPersonId: null, holderName: '秘书长（仅姓名）', startsOn: '2030-01-01', endsOn: null, change: 'APPOINTED',
    });
    expect(result).toBe('APPLIED');
    expect(await sqlQuery(service.databaseUrl, `SELECT 1 FROM events.council_office WHERE office_id = $1`, [officeId])).toEqual([]);
    const minutes = dataOf(await graphql<{ meetingMinutes: { electorateSize: number } }>(service.url, MINUTES, { e: meetingId }, { token: officer }));
    expect(minutes.meetingMinutes.electorateSize).toBe(9);
  });

  it('only council members holding office on the date may register for a council meeting', async () => {
    const outsider = await kit.memberUnit(associationId, '普通会员单位');
    const refused = await graphql(service.url, REGISTER, { i: { eventId: meetingId, attendeeName: '非理事', attendeeEmail: 'outsider@example.org', organizationId: outsider } }, { token: officer });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AUDIENCE_COUNCIL_ONLY' });
  });

  it('without a quorum (5 of 9 present, 6 needed) no vote opens and nothing is adopted', async () => {
    for (const seat of seats.slice(0, 5)) await present(seat);
    const item = await addItem('审议2025年工作报告', 'GENERAL');
    const refused = await graphql(service.url, OPEN, { id: item.id }, { token: officer });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'QUORUM_NOT_MET', details: { present: 5, required: 6, electorate: 9 } });
    expect(await sqlQuery(service.databaseUrl, `SELECT status FROM events.agenda_item WHERE id = $1`, [item.id])).toEqual([{ status: 'PENDING' }]);
    const proxy = await graphql(service.url, RECORD, { i: { registrationId: registrations.get(seats[5]), attendance: 'PROXY', proxyHolderName: '代理人' } }, { token: officer });
    expect(proxy.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PROXY_NOT_ALLOWED' });
    const minutes = dataOf(await graphql<{ meetingMinutes: { quorumMet: boolean; presentCount: number } }>(service.url, MINUTES, { e: meetingId }, { token: officer }));
    expect(minutes.meetingMinutes).toMatchObject({ quorumMet: false, presentCount: 5 });
  });

  it('with a quorum, an ordinary item passes by a majority of those present; seats vote only for themselves and only when present', async () => {
    await present(seats[5]);
    await present(seats[6]);
    const [item] = dataOf(await graphql<{ meetingAgenda: Array<{ id: string }> }>(service.url, `query($e: ID!) { meetingAgenda(eventId: $e) { id } }`, { e: meetingId }, { token: officer })).meetingAgenda;
    dataOf(await graphql(service.url, OPEN, { id: item.id }, { token: officer }));
    const otherSeat = await graphql(service.url, VOTE, { i: { agendaItemId: item.id, voterId: seats[1], position: 'YES' } }, { token: kit.token(associationId, Role.COUNCIL_MEMBER, seats[0]) });
    expect(otherSeat.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_SEAT' });
    const absent = await voteAs(seats[8], item.id, 'YES');
    expect(absent.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VOTER_NOT_PRESENT' });
    for (const seat of seats.slice(0, 4)) dataOf(await voteAs(seat, item.id, 'YES'));
    for (const seat of seats.slice(4, 7)) dataOf(await voteAs(seat, item.id, 'NO'));
    expect((await voteAs(seats[0], item.id, 'NO')).errors?.[0]?.extensions).toMatchObject({ reason: 'ALREADY_VOTED' });
    const closed = dataOf(await graphql<{ closeAgendaItemVote: Record<string, unknown> }>(service.url, CLOSE, { id: item.id }, { token: officer })).closeAgendaItemVote;
    expect(closed).toEqual({ status: 'ADOPTED', result: '审议通过', yes: 4, no: 3, abstain: 0, presentCount: 7, electorateSize: 9 });
  });

  it('a charter item needs two thirds of those present: 4 of 7 fails, 5 of 7 carries', async () => {
    const first = await addItem('修改章程第十条', 'CHARTER');
    expect(first.rule).toBe('COUNCIL_SPECIAL');
    expect(await runVote(first.id, 4, 3)).toMatchObject({ status: 'REJECTED', result: '未通过', yes: 4, no: 3 });
    const second = await addItem('修改章程第十条（修订稿）', 'CHARTER');
    expect(await runVote(second.id, 5, 2)).toMatchObject({ status: 'ADOPTED', result: '审议通过', yes: 5, no: 2 });
    expect(await sqlQuery(service.databaseUrl, `SELECT count(*)::int AS n FROM events.outbox_event WHERE type = 'events.meeting.resolution-adopted' AND payload->>'agendaItemId' = $1`, [first.id])).toEqual([{ n: 0 }]);
  });

  it('an adopted election publishes events.meeting.resolution-adopted with its appointments, for membership', async () => {
    const appointments = [{ post: 'VICE_PRESIDENT', organizationId: seats[2], holderName: '理事单位3', startsOn: '2026-12-01', endsOn: '2029-11-30' }];
    const invalid = await graphql(service.url, ADD_ITEM, { i: { eventId: meetingId, title: '增补副会长', kind: 'ELECTION', appointments: [] } }, { token: officer });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_APPOINTMENTS' });
    const election = await addItem('增补副会长单位', 'ELECTION', appointments);
    expect(await runVote(election.id, 6, 1)).toMatchObject({ status: 'ADOPTED' });
    const [row] = await sqlQuery<{ association_id: string; payload: Record<string, unknown> }>(service.databaseUrl, `SELECT association_id, payload FROM events.outbox_event WHERE type = 'events.meeting.resolution-adopted' AND payload->>'agendaItemId' = $1`, [election.id]);
    expect(row.association_id).toBe(associationId);
    expect(row.payload).toEqual({
      eventId: meetingId,
      agendaItemId: election.id,
      kind: 'ELECTION',
      title: '增补副会长单位',
      adoptedOn: meetingStartsAt.slice(0, 10),
      votes: { yes: 6, no: 1, abstain: 0, present: 7, electorate: 9 },
      appointments: [{ councilTermId: null, post: 'VICE_PRESIDENT', organizationId: seats[2], personId: null, holderName: '理事单位3', startsOn: '2026-12-01', endsOn: '2029-11-30' }],
    });
  });

  it('minutes list attendance, quorum and every item with its counts and result', async () => {
    const minutes = dataOf(await graphql<{ meetingMinutes: Record<string, unknown> & { items: Array<Record<string, unknown>>; attendance: unknown[] } }>(service.url, MINUTES, { e: meetingId }, { token: kit.token(associationId, Role.COUNCIL_MEMBER, seats[0]) })).meetingMinutes;
    expect(minutes).toMatchObject({ title: '第三届理事会第五次会议', electorateSize: 9, presentCount: 7, proxyCount: 0, absentCount: 2, quorumRequired: 6, quorumMet: true });
    expect(minutes.attendance).toHaveLength(9);
    expect(minutes.items.map((i) => [i.position, i.kind, i.result, i.yes, i.no])).toEqual([
      [1, 'GENERAL', '审议通过', 4, 3],
      [2, 'CHARTER', '未通过', 4, 3],
      [3, 'CHARTER', '审议通过', 5, 2],
      [4, 'ELECTION', '审议通过', 6, 1],
    ]);
    expect(errorCodeOf(await graphql(service.url, MINUTES, { e: meetingId }, { token: kit.token(randomUUID(), Role.ADMIN) }))).toBe('FORBIDDEN');
    expect(errorCodeOf(await graphql(service.url, MINUTES, { e: meetingId }))).toBe('UNAUTHENTICATED');
  });

  it('where the rules allow proxies, a seat represented by proxy counts toward the quorum', async () => {
    const proxyMeeting = await kit.createEvent(officer, { associationId, category: 'COUNCIL_MEETING', title: '理事会通讯会议', startsAt: inDays(6), endsAt: inDays(6, 4), allowProxy: true });
    const ids: string[] = [];
    for (const [i, seat] of seats.slice(0, 6).entries()) {
      ids.push(dataOf(await graphql<Ticket>(service.url, REGISTER, { i: { eventId: proxyMeeting, attendeeName: `代表${i}`, attendeeEmail: `proxy${i}@example.org`, organizationId: seat } }, { token: officer })).registerForEvent.registration.id);
    }
    for (const id of ids.slice(0, 5)) dataOf(await graphql(service.url, RECORD, { i: { registrationId: id, attendance: 'PRESENT' } }, { token: officer }));
    const item = dataOf(await graphql<{ addAgendaItem: { id: string } }>(service.url, ADD_ITEM, { i: { eventId: proxyMeeting, title: '审议预算', kind: 'GENERAL' } }, { token: officer })).addAgendaItem;
    expect((await graphql(service.url, OPEN, { id: item.id }, { token: officer })).errors?.[0]?.extensions).toMatchObject({ reason: 'QUORUM_NOT_MET' });
    const withoutHolder = await graphql(service.url, RECORD, { i: { registrationId: ids[5], attendance: 'PROXY' } }, { token: officer });
    expect(withoutHolder.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PROXY_NOT_ALLOWED' });
    dataOf(await graphql(service.url, RECORD, { i: { registrationId: ids[5], attendance: 'PROXY', proxyHolderName: '受托人' } }, { token: officer }));
    expect(dataOf(await graphql<{ openAgendaItemVote: { status: string; electorateSize: number } }>(service.url, OPEN, { id: item.id }, { token: officer })).openAgendaItemVote).toEqual({ status: 'VOTING', electorateSize: 9 });
    const minutes = dataOf(await graphql<{ meetingMinutes: Record<string, unknown> }>(service.url, MINUTES, { e: proxyMeeting }, { token: officer })).meetingMinutes;
    expect(minutes).toMatchObject({ presentCount: 5, proxyCount: 1, absentCount: 3, quorumMet: true });
  });

  it('admissions add member numbers to units and record individual members; status follows the revisioned events', async () => {
    const unit = await kit.memberUnit(associationId, '新入会单位', 'PENDING');
    const personId = randomUUID();
    await kit.deliver('membership.member.admitted', associationId, { membershipId: randomUUID(), kind: 'UNIT', organizationId: unit, personId: null, name: '新入会单位', grade: 'MEMBER', memberNumber: 'M-2026-001', admittedOn: '2026-11-01' });
    await kit.deliver('membership.member.admitted', associationId, { membershipId: randomUUID(), kind: 'INDIVIDUAL', organizationId: null, personId, name: '个人会员', grade: 'MEMBER', memberNumber: 'P-2026-001', admittedOn: '2026-11-01' });
    // Status still follows the revisioned organization events: admission alone does not override PENDING at revision 1.
    expect(await sqlQuery(service.databaseUrl, `SELECT member_number, membership_status FROM events.member_directory WHERE organization_id = $1`, [unit])).toEqual([{ member_number: 'M-2026-001', membership_status: 'PENDING' }]);
    expect(await sqlQuery(service.databaseUrl, `SELECT member_number FROM events.individual_member WHERE person_id = $1`, [personId])).toEqual([{ member_number: 'P-2026-001' }]);
    await kit.deliver('membership.membership.status-changed', associationId, { organizationId: unit, previousStatus: 'PENDING', status: 'ACTIVE', reason: '缴费入会', revision: 2 });
    expect(await sqlQuery(service.databaseUrl, `SELECT membership_status, revision FROM events.member_directory WHERE organization_id = $1`, [unit])).toEqual([{ membership_status: 'ACTIVE', revision: 2 }]);
    // The snapshot of the same revision (published in the same commit, delivered after) still brings the new name.
    await kit.deliver('membership.organization.updated', associationId, { organizationId: unit, name: '新入会单位（更名）', creditCode: '91420100MA4KXXXX0X', membershipStatus: 'ACTIVE', revision: 2 });
    expect(await sqlQuery(service.databaseUrl, `SELECT name, membership_status, revision FROM events.member_directory WHERE organization_id = $1`, [unit])).toEqual([{ name: '新入会单位（更名）', membership_status: 'ACTIVE', revision: 2 }]);
  });

  it('a member congress counts ACTIVE member units as its electorate', async () => {
    const congressAssociation = randomUUID();
    const congressOfficer = kit.token(congressAssociation, Role.EVENTS_OFFICER);
    const active = [await kit.memberUnit(congressAssociation, '会员A'), await kit.memberUnit(congressAssociation, '会员B'), await kit.memberUnit(congressAssociation, '会员C')];
    const lapsed = await kit.memberUnit(congressAssociation, '会员D');
    await kit.deliver('membership.membership.status-changed', congressAssociation, { organizationId: lapsed, previousStatus: 'ACTIVE', status: 'LAPSED', reason: '欠费', revision: 2 });
    // An older snapshot arriving late does not revive it.
    await kit.deliver('membership.organization.updated', congressAssociation, { organizationId: lapsed, name: '会员D', creditCode: '91420100MA4KXXXX0X', membershipStatus: 'ACTIVE', revision: 1 });
    const congress = await kit.createEvent(congressOfficer, { associationId: congressAssociation, category: 'MEMBER_CONGRESS', title: '第三次会员大会', startsAt: inDays(20), endsAt: inDays(20, 8) });
    const minutes = dataOf(await graphql<{ meetingMinutes: { electorateSize: number; quorumRequired: number } }>(service.url, MINUTES, { e: congress }, { token: congressOfficer })).meetingMinutes;
    expect(minutes).toMatchObject({ electorateSize: active.length, quorumRequired: 2 });
    const rep = kit.token(congressAssociation, Role.MEMBER_REP, lapsed);
    const refused = await graphql(service.url, REGISTER, { i: { eventId: congress, attendeeName: '代表D', attendeeEmail: 'd@example.org' } }, { token: rep });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: 'AUDIENCE_MEMBERS_ONLY' });
  });
});
