import { randomUUID } from 'node:crypto';
import { Role } from '@app/auth';
import type { DomainEventEnvelope } from '@app/messaging';
import { TestEventDelivery, errorCodeOf } from '@app/testing';
import { startGovernanceKit, type GovernanceKit } from './governance-kit';

const CREATE_TERM = `mutation($i: CreateCouncilTermInput!) { createCouncilTerm(input: $i) { id name } }`;
const APPOINT = `mutation($i: AppointOfficeInput!) { appointOffice(input: $i) { id post holderName startsOn endsOn rotationOrder } }`;
const SCHEDULE = `mutation($i: ScheduleRotatingPresidentsInput!) { scheduleRotatingPresidents(input: $i) { id rotationOrder startsOn endsOn } }`;
const END = `mutation($i: EndOfficeInput!) { endOffice(input: $i) { id endsOn } }`;
const HOLDERS = `query($a: ID!, $d: String) { officeHolders(associationId: $a, date: $d) { date councilTermId holders { post holderName } rotatingPresident { holderName startsOn endsOn } } }`;
const TERM = `query($id: ID!) { councilTerm(id: $id) { id termNumber offices { id post holderName startsOn endsOn } rotationSchedule { holderName startsOn endsOn } } }`;

type Holders = { officeHolders: { date: string; councilTermId: string | null; holders: Array<{ post: string; holderName: string }>; rotatingPresident: { holderName: string; startsOn: string; endsOn: string } | null } };

describe('council terms and offices (in process, real PostgreSQL and Redis)', () => {
  let kit: GovernanceKit;
  let delivery: TestEventDelivery;
  let termId: string;
  let unitA: string;
  let unitB: string;
  let unitC: string;

  beforeAll(async () => {
    kit = await startGovernanceKit();
    delivery = new TestEventDelivery('membership');
    unitA = await kit.organization('甲网络安全有限公司');
    unitB = await kit.organization('乙数据科技有限公司');
    unitC = await kit.organization('丙信息技术有限公司');
    termId = (await kit.ok<{ createCouncilTerm: { id: string } }>(CREATE_TERM, { i: { associationId: kit.associationId, termNumber: 2, name: '第二届理事会', startsOn: '2024-01-01', endsOn: '2028-12-31', electingCongressReference: '第二次会员代表大会' } }, kit.staff)).createCouncilTerm.id;
  });

  afterAll(async () => {
    await delivery?.close();
    await kit?.close();
  });

  async function snapshot(): Promise<{ offices: number; events: number }> {
    const [offices] = await kit.sql<{ n: number }>(`SELECT count(*)::int AS n FROM membership.council_office`);
    const [events] = await kit.sql<{ n: number }>(`SELECT count(*)::int AS n FROM membership.outbox_event`);
    return { offices: offices.n, events: events.n };
  }

  it('enforces the office rules; a rejected appointment changes nothing', async () => {
    await kit.ok(APPOINT, { i: { councilTermId: termId, post: 'PRESIDENT', holder: { organizationId: unitA, name: '张三', title: '董事长' }, startsOn: '2024-01-01' } }, kit.staff);
    await kit.ok(APPOINT, { i: { councilTermId: termId, post: 'DIRECTOR', holder: { organizationId: unitB }, startsOn: '2024-01-01' } }, kit.staff);
    const before = await snapshot();

    const secondPresident = await kit.gql(APPOINT, { i: { councilTermId: termId, post: 'PRESIDENT', holder: { organizationId: unitB }, startsOn: '2025-01-01' } }, kit.staff);
    expect(secondPresident.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'POST_ALREADY_HELD' });
    const outside = await kit.gql(APPOINT, { i: { councilTermId: termId, post: 'SUPERVISOR', holder: { name: '李四' }, startsOn: '2023-06-01' } }, kit.staff);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OFFICE_OUTSIDE_TERM' });
    const pastTermEnd = await kit.gql(APPOINT, { i: { councilTermId: termId, post: 'SUPERVISOR', holder: { name: '李四' }, startsOn: '2024-06-01', endsOn: '2029-01-01' } }, kit.staff);
    expect(pastTermEnd.errors?.[0]?.extensions?.reason).toBe('OFFICE_OUTSIDE_TERM');
    const twice = await kit.gql(APPOINT, { i: { councilTermId: termId, post: 'DIRECTOR', holder: { organizationId: unitB }, startsOn: '2025-01-01' } }, kit.staff);
    expect(twice.errors?.[0]?.extensions?.reason).toBe('HOLDER_ALREADY_IN_POST');
    const foreign = await kit.gql(APPOINT, { i: { councilTermId: termId, post: 'DIRECTOR', holder: { organizationId: await kit.organization('他会单位', kit.otherAssociationId) }, startsOn: '2024-01-01' } }, kit.staff);
    expect(foreign.errors?.[0]?.extensions?.reason).toBe('HOLDER_ORGANIZATION_UNKNOWN');
    const noHolder = await kit.gql(APPOINT, { i: { councilTermId: termId, post: 'DIRECTOR', holder: {}, startsOn: '2024-01-01' } }, kit.staff);
    expect(noHolder.errors?.[0]?.extensions?.reason).toBe('HOLDER_REQUIRED');
    const badDate = await kit.gql(APPOINT, { i: { councilTermId: termId, post: 'DIRECTOR', holder: { name: '王五' }, startsOn: '2024-02-30' } }, kit.staff);
    expect(errorCodeOf(badDate)).toBe('BAD_USER_INPUT');
    const councilMember = await kit.gql(APPOINT, { i: { councilTermId: termId, post: 'DIRECTOR', holder: { name: '王五' }, startsOn: '2024-01-01' } }, kit.tokenFor(Role.COUNCIL_MEMBER));
    expect(errorCodeOf(councilMember)).toBe('FORBIDDEN');
    const otherTenant = await kit.gql(APPOINT, { i: { councilTermId: termId, post: 'DIRECTOR', holder: { name: '王五' }, startsOn: '2024-01-01' } }, kit.tokenFor(Role.ADMIN, undefined, kit.otherAssociationId));
    expect(errorCodeOf(otherTenant)).toBe('FORBIDDEN');

    const [director] = await kit.sql<{ id: string }>(`SELECT id FROM membership.council_office WHERE post = 'DIRECTOR'`);
    const endPastTerm = await kit.gql(END, { i: { officeId: director.id, endsOn: '2029-03-31', reason: '超出届期' } }, kit.staff);
    expect(endPastTerm.errors?.[0]?.extensions?.reason).toBe('OFFICE_OUTSIDE_TERM');
    expect(await kit.sql(`SELECT ends_on FROM membership.council_office WHERE id = $1`, [director.id])).toEqual([{ ends_on: null }]);

    expect(await snapshot()).toEqual(before);

    // After the first president's office ends, a successor may take over the day after.
    const [president] = await kit.sql<{ id: string }>(`SELECT id FROM membership.council_office WHERE post = 'PRESIDENT'`);
    await kit.ok(END, { i: { officeId: president.id, endsOn: '2025-12-31', reason: '辞去会长职务' } }, kit.staff);
    await kit.ok(APPOINT, { i: { councilTermId: termId, post: 'PRESIDENT', holder: { organizationId: unitB, name: '赵六' }, startsOn: '2026-01-01' } }, kit.staff);
    const ended = await kit.gql(END, { i: { officeId: president.id, endsOn: '2026-06-30', reason: '再次结束' } }, kit.staff);
    expect(ended.errors?.[0]?.extensions?.reason).toBe('OFFICE_ALREADY_ENDED');
  });

  it('records every appointment and ending as membership.office.changed in the outbox', async () => {
    const events = await kit.sql<{ type: string; payload: { post: string; change: string; holderName: string; endsOn: string | null; councilTermId: string } }>(
      `SELECT type, payload FROM membership.outbox_event WHERE type = 'membership.office.changed' AND payload->>'post' = 'PRESIDENT' ORDER BY position`,
    );
    expect(events.map((e) => [e.payload.change, e.payload.holderName, e.payload.endsOn])).toEqual([
      ['APPOINTED', '张三', null],
      ['ENDED', '张三', '2025-12-31'],
      ['APPOINTED', '赵六', null],
    ]);
    expect(events[0].payload.councilTermId).toBe(termId);
  });

  it('keeps the rotating-presidency schedule without gaps or overlaps and answers officeHolders by date, hand-over included', async () => {
    const period = (name: string, organizationId: string, startsOn: string, endsOn: string) => ({ holder: { organizationId, name }, startsOn, endsOn });
    const before = await snapshot();
    const gap = await kit.gql(SCHEDULE, { i: { councilTermId: termId, periods: [period('甲', unitA, '2024-01-01', '2024-12-31'), period('乙', unitB, '2025-01-02', '2025-12-31')] } }, kit.staff);
    expect(gap.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ROTATION_GAP' });
    const overlap = await kit.gql(SCHEDULE, { i: { councilTermId: termId, periods: [period('甲', unitA, '2024-01-01', '2024-12-31'), period('乙', unitB, '2024-12-31', '2025-12-31')] } }, kit.staff);
    expect(overlap.errors?.[0]?.extensions?.reason).toBe('ROTATION_OVERLAP');
    expect(await snapshot()).toEqual(before);

    const scheduled = await kit.ok<{ scheduleRotatingPresidents: Array<{ rotationOrder: number }> }>(
      SCHEDULE,
      { i: { councilTermId: termId, periods: [period('甲轮值', unitA, '2024-01-01', '2024-12-31'), period('乙轮值', unitB, '2025-01-01', '2025-12-31')] } },
      kit.staff,
    );
    expect(scheduled.scheduleRotatingPresidents.map((o) => o.rotationOrder)).toEqual([1, 2]);
    // A third period appended later must continue the schedule.
    const appendGap = await kit.gql(APPOINT, { i: { councilTermId: termId, post: 'ROTATING_PRESIDENT', holder: { organizationId: unitC }, startsOn: '2026-02-01', endsOn: '2026-12-31' } }, kit.staff);
    expect(appendGap.errors?.[0]?.extensions).toMatchObject({ reason: 'ROTATION_GAP', details: { expectedStartsOn: '2026-01-01' } });
    await kit.ok(APPOINT, { i: { councilTermId: termId, post: 'ROTATING_PRESIDENT', holder: { organizationId: unitC, name: '丙轮值' }, startsOn: '2026-01-01', endsOn: '2026-12-31' } }, kit.staff);

    const on = async (date: string) => (await kit.ok<Holders>(HOLDERS, { a: kit.associationId, d: date })).officeHolders; // public: no token
    expect((await on('2024-12-31')).rotatingPresident?.holderName).toBe('甲轮值');
    expect((await on('2025-01-01')).rotatingPresident?.holderName).toBe('乙轮值');
    expect((await on('2025-06-01')).holders.map((h) => [h.post, h.holderName])).toEqual([
      ['PRESIDENT', '张三'],
      ['ROTATING_PRESIDENT', '乙轮值'],
      ['DIRECTOR', '乙数据科技有限公司'],
    ]);
    expect((await on('2026-03-01')).holders[0]).toEqual({ post: 'PRESIDENT', holderName: '赵六' });
    expect((await on('2030-01-01'))).toMatchObject({ councilTermId: null, holders: [], rotatingPresident: null });

    // Early hand-over: 乙 hands over on 2025-09-30, 丙 starts 2025-10-01.
    const [second] = await kit.sql<{ id: string }>(`SELECT id FROM membership.council_office WHERE post = 'ROTATING_PRESIDENT' AND rotation_order = 2`);
    await kit.ok(END, { i: { officeId: second.id, endsOn: '2025-09-30', reason: '提前交接' } }, kit.staff);
    expect((await on('2025-09-30')).rotatingPresident?.holderName).toBe('乙轮值');
    expect((await on('2025-10-01')).rotatingPresident).toEqual({ holderName: '丙轮值', startsOn: '2025-10-01', endsOn: '2026-12-31' });
    const handOverEvents = await kit.sql<{ change: string; holder: string; starts: string }>(
      `SELECT payload->>'change' AS change, payload->>'holderName' AS holder, payload->>'startsOn' AS starts FROM membership.outbox_event WHERE payload->>'post' = 'ROTATING_PRESIDENT' ORDER BY position DESC LIMIT 2`,
    );
    expect(handOverEvents).toEqual([
      { change: 'APPOINTED', holder: '丙轮值', starts: '2025-10-01' },
      { change: 'ENDED', holder: '乙轮值', starts: '2025-01-01' },
    ]);
  });

  it('lets council members read the term, refuses anonymous callers and other associations', async () => {
    const term = await kit.ok<{ councilTerm: { termNumber: number; rotationSchedule: Array<{ holderName: string }> } }>(TERM, { id: termId }, kit.tokenFor(Role.COUNCIL_MEMBER));
    expect(term.councilTerm.termNumber).toBe(2);
    expect(term.councilTerm.rotationSchedule.map((p) => p.holderName)).toEqual(['甲轮值', '乙轮值', '丙轮值']);
    expect(errorCodeOf(await kit.gql(TERM, { id: termId }))).toBe('UNAUTHENTICATED');
    expect(errorCodeOf(await kit.gql(TERM, { id: termId }, kit.tokenFor(Role.COUNCIL_MEMBER, undefined, kit.otherAssociationId)))).toBe('FORBIDDEN');
    const terms = await kit.ok<{ councilTerms: Array<{ id: string }> }>(`query($a: ID!) { councilTerms(associationId: $a) { id } }`, { a: kit.associationId }, kit.tokenFor(Role.COUNCIL_MEMBER));
    expect(terms.councilTerms.map((t) => t.id)).toEqual([termId]);
    const duplicate = await kit.gql(CREATE_TERM, { i: { associationId: kit.associationId, termNumber: 3, name: '第三届理事会', startsOn: '2028-06-01', endsOn: '2033-05-31' } }, kit.staff);
    expect(duplicate.errors?.[0]?.extensions?.reason).toBe('TERMS_OVERLAP');
  });

  describe('events.meeting.resolution-adopted', () => {
    function resolution(appointments: DomainEventEnvelope<'events.meeting.resolution-adopted'>['payload']['appointments'], agendaItemId = randomUUID()): DomainEventEnvelope<'events.meeting.resolution-adopted'> {
      return {
        id: randomUUID(),
        type: 'events.meeting.resolution-adopted',
        version: 1,
        associationId: kit.associationId,
        occurredAt: new Date().toISOString(),
        causationId: null,
        correlationId: 'test',
        payload: { eventId: randomUUID(), agendaItemId, kind: 'ELECTION', title: '选举副会长', adoptedOn: '2024-03-01', votes: { yes: 20, no: 0, abstain: 1, present: 21, electorate: 25 }, appointments },
      };
    }

    const deliver = (event: DomainEventEnvelope<'events.meeting.resolution-adopted'>): Promise<unknown> => delivery.deliver(event);

    it('applies the appointments once, however often the resolution arrives, and keeps unknown terms pending', async () => {
      const appointment = { councilTermId: termId, post: 'VICE_PRESIDENT' as const, organizationId: unitC, personId: null, holderName: '丙信息技术有限公司', startsOn: '2024-03-01', endsOn: null };
      const unknownTerm = { ...appointment, councilTermId: randomUUID(), holderName: '未知届次' };
      const breaksRule = { ...appointment, post: 'PRESIDENT' as const, holderName: '第二会长' };
      const event = resolution([appointment, unknownTerm, breaksRule]);
      expect(await deliver(event)).toBe('APPLIED');
      await delivery.forget(event.id);
      expect(await deliver(event)).toBe('DUPLICATE');
      // The same resolution re-published under a new event id has no second effect either.
      expect(await deliver({ ...event, id: randomUUID() })).toBe('APPLIED');

      const offices = await kit.sql<{ holder_name: string; source: string; source_reference: string }>(`SELECT holder_name, source, source_reference FROM membership.council_office WHERE post = 'VICE_PRESIDENT'`);
      expect(offices).toEqual([{ holder_name: '丙信息技术有限公司', source: 'RESOLUTION', source_reference: event.payload.agendaItemId }]);
      const [{ n }] = await kit.sql<{ n: number }>(`SELECT count(*)::int AS n FROM membership.outbox_event WHERE payload->>'post' = 'VICE_PRESIDENT'`);
      expect(n).toBe(1);
      const outcomes = await kit.ok<{ resolutionAppointments: Array<{ itemIndex: number; outcome: string; reason: string | null }> }>(
        `query($a: ID!) { resolutionAppointments(associationId: $a) { itemIndex outcome reason } }`,
        { a: kit.associationId },
        kit.staff,
      );
      expect(outcomes.resolutionAppointments.map((o) => [o.itemIndex, o.outcome, o.reason])).toEqual([
        [0, 'APPLIED', null],
        [1, 'PENDING', 'UNKNOWN_COUNCIL_TERM'],
        [2, 'REJECTED', 'POST_ALREADY_HELD'],
      ]);
    });

    it('an appointment that names no term goes to the term running on its start date; with none running it stays pending', async () => {
      const inTerm = { councilTermId: null, post: 'DIRECTOR' as const, organizationId: unitC, personId: null, holderName: '丙信息技术有限公司', startsOn: '2025-06-01', endsOn: null };
      const noTerm = { ...inTerm, startsOn: '2031-01-01', holderName: '届外单位' };
      const event = resolution([inTerm, noTerm]);
      expect(await deliver(event)).toBe('APPLIED');
      const offices = await kit.sql<{ council_term_id: string; starts_on: string }>(`SELECT council_term_id, starts_on::text FROM membership.council_office WHERE source_reference = $1`, [event.payload.agendaItemId]);
      expect(offices).toEqual([{ council_term_id: termId, starts_on: '2025-06-01' }]);
      const outcomes = await kit.sql<{ item_index: number; outcome: string; reason: string | null }>(
        `SELECT item_index, outcome, reason FROM membership.resolution_appointment WHERE agenda_item_id = $1 ORDER BY item_index`,
        [event.payload.agendaItemId],
      );
      expect(outcomes).toEqual([
        { item_index: 0, outcome: 'APPLIED', reason: null },
        { item_index: 1, outcome: 'PENDING', reason: 'NO_COUNCIL_TERM_ON_DATE' },
      ]);
    });
  });
});
