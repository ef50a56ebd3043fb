import { randomUUID } from 'node:crypto';
import { Role } from '@app/auth';
import type { JobEnvelope } from '@app/messaging';
import { dataOf, errorCodeOf, eventually, graphql, sqlQuery, startServiceInProcess, type InProcessService } from '@app/testing';
import { EventsAppModule } from '../app.module';
import { EventsConfig } from '../config/events.config';
import { EventsTestKit, REGISTER, aPublicForum, inDays, registerAttendee, type Ticket } from './events-test-kit';

describe('event registration (in process, real PostgreSQL and Redis)', () => {
  let service: InProcessService<EventsConfig>;
  let kit: EventsTestKit;
  const associationId = randomUUID();
  let officer: string;

  beforeAll(async () => {
    service = await startServiceInProcess(EventsConfig, (c) => EventsAppModule.forRoot(c), 'events', { DATABASE_POOL_SIZE: '20' });
    kit = new EventsTestKit(service);
    officer = kit.token(associationId, Role.EVENTS_OFFICER);
  });

  afterAll(async () => {
    await kit?.close();
    await service?.close();
  });

  const publicEvent = (extra: Record<string, unknown> = {}) =>
    aPublicForum(associationId, {
      organizers: [
        { name: '市商务局', role: 'GUIDANCE' },
        { name: '本协会', role: 'HOST' },
      ],
      sessions: [{ title: '主旨演讲', startsAt: inDays(10), endsAt: inDays(10, 4) }],
      ...extra,
    });

  const register = (eventId: string, label: string, token?: string, extra: Record<string, unknown> = {}) => registerAttendee(service.url, eventId, label, token, extra);

  const statusOf = async (registrationId: string) =>
    (await sqlQuery<{ status: string }>(service.databaseUrl, `SELECT status FROM events.registration WHERE id = $1`, [registrationId]))[0]?.status;

  it('200 concurrent registrations for 50 seats end with exactly 50 confirmed and 150 waitlisted', async () => {
    const eventId = await kit.createEvent(officer, publicEvent({ capacity: 50 }));
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => register(eventId, `c${i}`)));
    const statuses = responses.map((r) => dataOf(r).registerForEvent.registration.status);
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(50);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(150);
    const counts = await sqlQuery(service.databaseUrl, `SELECT status, count(*)::int AS n FROM events.registration WHERE event_id = $1 GROUP BY status ORDER BY status`, [eventId]);
    expect(counts).toEqual([{ status: 'CONFIRMED', n: 50 }, { status: 'WAITLISTED', n: 150 }]);
    const event = dataOf(await graphql<{ event: { confirmedCount: number; waitlistCount: number } }>(service.url, `query($id: ID!) { event(id: $id) { confirmedCount waitlistCount } }`, { id: eventId }));
    expect(event.event).toEqual({ confirmedCount: 50, waitlistCount: 150 });
  });

  it('the same person cannot register twice; registering needs an e-mail or phone', async () => {
    const eventId = await kit.createEvent(officer, publicEvent());
    const first = await graphql<Ticket>(service.url, REGISTER, { i: { eventId, attendeeName: '张三', attendeeEmail: 'Zhang.San@example.org' } });
    expect(dataOf(first).registerForEvent.registration.status).toBe('CONFIRMED');
    const again = await graphql(service.url, REGISTER, { i: { eventId, attendeeName: '张三', attendeeEmail: 'zhang.san@example.org' } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REGISTERED' });
    const noContact = await graphql(service.url, REGISTER, { i: { eventId, attendeeName: '李四' } });
    expect(noContact.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONTACT_REQUIRED' });
    expect(await sqlQuery(service.databaseUrl, `SELECT count(*)::int AS n FROM events.registration WHERE event_id = $1`, [eventId])).toEqual([{ n: 1 }]);
  });

  it('cancellation works before the cut-off and is refused after it, changing nothing', async () => {
    const open = await kit.createEvent(officer, publicEvent({ cancellationCutoffAt: inDays(9) }));
    const closed = await kit.createEvent(officer, publicEvent({ cancellationCutoffAt: new Date(Date.now() - 3600_000).toISOString() }));
    const CANCEL = `mutation($i: RegistrationActionInput!) { cancelRegistration(input: $i) { id status } }`;
    const a = dataOf(await register(open, 'cut-a')).registerForEvent;
    expect(dataOf(await graphql<{ cancelRegistration: { status: string } }>(service.url, CANCEL, { i: { registrationId: a.registration.id, checkInToken: a.checkInToken } })).cancelRegistration.status).toBe('CANCELLED');
    const b = dataOf(await register(closed, 'cut-b')).registerForEvent;
    const refused = await graphql(service.url, CANCEL, { i: { registrationId: b.registration.id, checkInToken: b.checkInToken } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CANCELLATION_CLOSED' });
    expect(await statusOf(b.registration.id)).toBe('CONFIRMED');
    const stranger = await graphql(service.url, CANCEL, { i: { registrationId: b.registration.id, checkInToken: 'x'.repeat(32) } });
    expect(stranger.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_REGISTRATION' });
  });

  it('a freed seat is offered to the waitlist; an accepted offer confirms, a lapsed one (expiry job) moves on to the next', async () => {
    const eventId = await kit.createEvent(officer, publicEvent({ capacity: 1, offerMinutes: 30 }));
    const CANCEL = `mutation($i: RegistrationActionInput!) { cancelRegistration(input: $i) { status } }`;
    const ACCEPT = `mutation($i: RegistrationActionInput!) { acceptWaitlistOffer(input: $i) { status offerExpiresAt } }`;
    const tickets: Ticket['registerForEvent'][] = [];
    for (const label of ['wa', 'wb', 'wc', 'wd']) tickets.push(dataOf(await register(eventId, label)).registerForEvent);
    const [ta, tb, tc, td] = tickets;
    expect(tickets.map((t) => t.registration.status)).toEqual(['CONFIRMED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED']);

    dataOf(await graphql(service.url, CANCEL, { i: { registrationId: ta.registration.id, checkInToken: ta.checkInToken } }));
    const offered = await sqlQuery<{ status: string; offer_expires_at: Date }>(service.databaseUrl, `SELECT status, offer_expires_at FROM events.registration WHERE id = $1`, [tb.registration.id]);
    expect(offered[0].status).toBe('OFFERED');
    expect(offered[0].offer_expires_at.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await statusOf(tc.registration.id)).toBe('WAITLISTED');

    const OWN = `query($i: RegistrationActionInput!) { eventRegistration(input: $i) { status offerExpiresAt attendeeEmail } }`;
    const own = dataOf(await graphql<{ eventRegistration: { status: string; offerExpiresAt: string; attendeeEmail: string } }>(service.url, OWN, { i: { registrationId: tb.registration.id, checkInToken: tb.checkInToken } })).eventRegistration;
    expect(own).toMatchObject({ status: 'OFFERED', attendeeEmail: tb.registration.attendeeEmail });
    expect(new Date(own.offerExpiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(errorCodeOf(await graphql(service.url, OWN, { i: { registrationId: tb.registration.id } }))).toBe('UNAUTHENTICATED');
    const someoneElse = await graphql(service.url, ACCEPT, { i: { registrationId: tb.registration.id, checkInToken: tc.checkInToken } });
    expect(errorCodeOf(someoneElse)).toBe('FORBIDDEN');
    expect(dataOf(await graphql<{ acceptWaitlistOffer: { status: string } }>(service.url, ACCEPT, { i: { registrationId: tb.registration.id, checkInToken: tb.checkInToken } })).acceptWaitlistOffer.status).toBe('CONFIRMED');

    // B gives the seat back: C gets the offer, lets it lapse; the scheduled expiry job passes the seat to D.
    dataOf(await graphql(service.url, CANCEL, { i: { registrationId: tb.registration.id, checkInToken: tb.checkInToken } }));
    expect(await statusOf(tc.registration.id)).toBe('OFFERED');
    await sqlQuery(service.databaseUrl, `UPDATE events.registration SET offer_expires_at = now() - interval '1 minute' WHERE id = $1`, [tc.registration.id]);
    const late = await graphql(service.url, ACCEPT, { i: { registrationId: tc.registration.id, checkInToken: tc.checkInToken } });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OFFER_LAPSED' });
    expect(await statusOf(tc.registration.id)).toBe('OFFERED');

    const envelope: JobEnvelope = { payload: {}, associationId: null, requestedBy: 'test', requestId: null };
    const job = await kit.jobsQueue.add('events.waitlist.expire-offers', envelope, { jobId: randomUUID() });
    const result = await eventually(async () => ((await job.isCompleted()) ? (await kit.jobsQueue.getJob(job.id!))!.returnvalue : undefined), { what: 'expiry job' });
    expect((result as { result: { expired: number } }).result.expired).toBeGreaterThanOrEqual(1);
    expect(await statusOf(tc.registration.id)).toBe('EXPIRED');
    expect(await statusOf(td.registration.id)).toBe('OFFERED');
    // Running it again changes nothing: D's offer is still open.
    expect(dataOf(await graphql<{ runWaitlistOfferExpiry: number }>(service.url, `mutation($a: ID!) { runWaitlistOfferExpiry(associationId: $a) }`, { a: associationId }, { token: officer })).runWaitlistOfferExpiry).toBe(0);
    expect(await statusOf(td.registration.id)).toBe('OFFERED');
  });

  it('approval: a registration waits for events staff, who confirm it', async () => {
    const eventId = await kit.createEvent(officer, publicEvent({ requiresApproval: true }));
    const t = dataOf(await register(eventId, 'ap')).registerForEvent;
    expect(t.registration.status).toBe('PENDING_APPROVAL');
    const DECIDE = `mutation($i: DecideRegistrationInput!) { decideRegistration(input: $i) { status } }`;
    expect(errorCodeOf(await graphql(service.url, DECIDE, { i: { registrationId: t.registration.id, approve: true } }, { token: kit.token(associationId, Role.MEMBER_REP, randomUUID()) }))).toBe('FORBIDDEN');
    expect(dataOf(await graphql<{ decideRegistration: { status: string } }>(service.url, DECIDE, { i: { registrationId: t.registration.id, approve: true } }, { token: officer })).decideRegistration.status).toBe('CONFIRMED');
    expect(await sqlQuery(service.databaseUrl, `SELECT count(*)::int AS n FROM events.outbox_event WHERE type = 'events.registration.confirmed' AND payload->>'registrationId' = $1`, [t.registration.id])).toEqual([{ n: 1 }]);
  });

  it('members-only events: a non-member unit is refused, a member unit registers within its per-unit limit', async () => {
    const member = await kit.memberUnit(associationId, '会员单位甲');
    const applicant = await kit.memberUnit(associationId, '申请单位乙', 'PENDING');
    const eventId = await kit.createEvent(officer, { ...publicEvent(), category: 'TRAINING', title: '合规培训', audience: 'MEMBERS_ONLY', perUnitLimit: 1 });
    const before = await sqlQuery(service.databaseUrl, `SELECT count(*)::int AS n FROM events.registration WHERE event_id = $1`, [eventId]);

    const refused = await register(eventId, 'nm', kit.token(associationId, Role.MEMBER_REP, applicant));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AUDIENCE_MEMBERS_ONLY' });
    expect(errorCodeOf(await register(eventId, 'anon'))).toBe('NOT_FOUND');
    expect(await sqlQuery(service.databaseUrl, `SELECT count(*)::int AS n FROM events.registration WHERE event_id = $1`, [eventId])).toEqual(before);

    const rep = kit.token(associationId, Role.MEMBER_REP, member);
    const ok = dataOf(await register(eventId, 'm1', rep)).registerForEvent.registration;
    expect(ok).toMatchObject({ status: 'CONFIRMED', organizationId: member });
    expect((await register(eventId, 'm2', rep)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'UNIT_LIMIT_REACHED' });
    expect((await register(eventId, 'm3', rep, { organizationId: applicant })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_ORGANIZATION' });

    // A later status change (newer revision) takes the unit out of the audience.
    await kit.deliver('membership.membership.status-changed', associationId, { organizationId: member, previousStatus: 'ACTIVE', status: 'LAPSED', reason: '欠费', revision: 2 });
    const otherEvent = await kit.createEvent(officer, { ...publicEvent(), audience: 'MEMBERS_ONLY' });
    expect((await register(otherEvent, 'm4', rep)).errors?.[0]?.extensions).toMatchObject({ reason: 'AUDIENCE_MEMBERS_ONLY' });
  });

  it('members-only events: an individual member is in the audience until membership reports a suspension, whichever arrives first', async () => {
    const admitted = (personId: string, membershipId: string) =>
      kit.deliver('membership.member.admitted', associationId, { membershipId, kind: 'INDIVIDUAL', organizationId: null, personId, name: '个人会员', grade: 'MEMBER', memberNumber: `P-${membershipId.slice(0, 6)}`, admittedOn: '2026-01-01' });
    const suspended = (personId: string, membershipId: string, revision: number) =>
      kit.deliver('membership.individual.status-changed', associationId, { membershipId, personId, previousStatus: 'ACTIVE', status: 'SUSPENDED', reason: '暂停会员资格', revision });
    const eventId = await kit.createEvent(officer, { ...publicEvent(), audience: 'MEMBERS_ONLY' });
    const registerPerson = (personId: string, label: string) => register(eventId, label, officer, { personId });

    const person = randomUUID();
    const membership = randomUUID();
    await admitted(person, membership);
    expect(dataOf(await registerPerson(person, 'p1')).registerForEvent.registration.status).toBe('CONFIRMED');
    await suspended(person, membership, 3);
    expect((await registerPerson(person, 'p2')).errors?.[0]?.extensions).toMatchObject({ reason: 'AUDIENCE_MEMBERS_ONLY' });
    // An older change delivered late does not reinstate the member.
    await kit.deliver('membership.individual.status-changed', associationId, { membershipId: membership, personId: person, previousStatus: 'PENDING', status: 'ACTIVE', reason: '缴费入会', revision: 2 });
    expect((await registerPerson(person, 'p3')).errors?.[0]?.extensions).toMatchObject({ reason: 'AUDIENCE_MEMBERS_ONLY' });

    // The suspension arriving before the admission it follows is kept.
    const early = randomUUID();
    const earlyMembership = randomUUID();
    await suspended(early, earlyMembership, 3);
    await admitted(early, earlyMembership);
    expect((await registerPerson(early, 'e1')).errors?.[0]?.extensions).toMatchObject({ reason: 'AUDIENCE_MEMBERS_ONLY' });
  });

  it('invited events admit only the invited units', async () => {
    const invited = randomUUID();
    const other = randomUUID();
    const eventId = await kit.createEvent(officer, { ...publicEvent(), category: 'VISIT', title: '走访调研', audience: 'INVITED', invitedOrganizationIds: [invited] });
    expect(dataOf(await register(eventId, 'inv', kit.token(associationId, Role.MEMBER_REP, invited))).registerForEvent.registration.organizationId).toBe(invited);
    expect((await register(eventId, 'oth', kit.token(associationId, Role.MEMBER_REP, other))).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AUDIENCE_INVITED_ONLY' });
    const noInvitees = await graphql(service.url, `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`, { i: { ...publicEvent(), audience: 'INVITED' } }, { token: officer });
    expect(noInvitees.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVITEES_REQUIRED' });
  });

  it('check-in by token works once; the token is stored only as a hash; attendance is published', async () => {
    const eventId = await kit.createEvent(officer, { ...publicEvent(), category: 'TRAINING', title: '标准化培训' });
    const t = dataOf(await register(eventId, 'ci', undefined, { attendeeName: '王小明' })).registerForEvent;
    expect(t.checkInToken.length).toBeGreaterThanOrEqual(32);
    const CHECK_IN = `mutation($i: CheckInInput!) { checkIn(input: $i) { id attendance checkedInAt attendeeName } }`;
    expect(errorCodeOf(await graphql(service.url, CHECK_IN, { i: { associationId, token: t.checkInToken } }))).toBe('UNAUTHENTICATED');
    const first = dataOf(await graphql<{ checkIn: { attendance: string; checkedInAt: string; attendeeName: string } }>(service.url, CHECK_IN, { i: { associationId, token: t.checkInToken } }, { token: officer }));
    expect(first.checkIn).toMatchObject({ attendance: 'PRESENT', attendeeName: '王*明' });
    const second = await graphql(service.url, CHECK_IN, { i: { associationId, token: t.checkInToken } }, { token: officer });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_CHECKED_IN' });
    expect(errorCodeOf(await graphql(service.url, CHECK_IN, { i: { associationId, token: 'y'.repeat(32) } }, { token: officer }))).toBe('NOT_FOUND');
    const otherAssociation = randomUUID();
    expect(errorCodeOf(await graphql(service.url, CHECK_IN, { i: { associationId: otherAssociation, token: t.checkInToken } }, { token: kit.token(otherAssociation, Role.EVENTS_OFFICER) }))).toBe('NOT_FOUND');
    const stored = await sqlQuery<{ plain: boolean }>(service.databaseUrl, `SELECT position(convert_to($2, 'UTF8') in check_in_token_hash) > 0 AS plain FROM events.registration WHERE id = $1`, [t.registration.id, t.checkInToken]);
    expect(stored).toEqual([{ plain: false }]);
    expect(await sqlQuery(service.databaseUrl, `SELECT payload->>'attendance' AS a FROM events.outbox_event WHERE type = 'events.attendance.recorded' AND payload->>'registrationId' = $1`, [t.registration.id])).toEqual([{ a: 'PRESENT' }]);

    // Trainings issue certificates to those present; anyone can verify one.
    expect(dataOf(await graphql<{ issueAttendanceCertificates: number }>(service.url, `mutation($e: ID!) { issueAttendanceCertificates(eventId: $e) }`, { e: eventId }, { token: officer })).issueAttendanceCertificates).toBe(1);
    const [{ certificate_number }] = await sqlQuery<{ certificate_number: string }>(service.databaseUrl, `SELECT certificate_number FROM events.registration WHERE id = $1`, [t.registration.id]);
    expect(certificate_number).toMatch(/^ZL\d{4}-[0-9A-Z]{10}$/);
    const VERIFY = `query($n: String!) { verifyAttendanceCertificate(certificateNumber: $n) { certificateNumber holderName eventTitle eventCategory } }`;
    expect(dataOf(await graphql(service.url, VERIFY, { n: certificate_number })).verifyAttendanceCertificate).toEqual({ certificateNumber: certificate_number, holderName: '王*明', eventTitle: '标准化培训', eventCategory: 'TRAINING' });
    expect(dataOf(await graphql(service.url, VERIFY, { n: 'ZL2026-0000000000' })).verifyAttendanceCertificate).toBeNull();
  });

  it('lists registrations to events staff with contact data masked; others are refused', async () => {
    const eventId = await kit.createEvent(officer, publicEvent());
    dataOf(await graphql(service.url, REGISTER, { i: { eventId, attendeeName: '赵六', attendeeEmail: 'zhaoliu@example.org', attendeePhone: '13812345678' } }));
    const LIST = `query($e: ID!) { eventRegistrations(eventId: $e, first: 10) { totalCount nodes { attendeeName attendeeEmail attendeePhone status } } }`;
    const list = dataOf(await graphql<{ eventRegistrations: { nodes: unknown[] } }>(service.url, LIST, { e: eventId }, { token: officer }));
    expect(list.eventRegistrations.nodes).toEqual([{ attendeeName: '赵*', attendeeEmail: 'z***@example.org', attendeePhone: '138****5678', status: 'CONFIRMED' }]);
    expect(errorCodeOf(await graphql(service.url, LIST, { e: eventId }))).toBe('UNAUTHENTICATED');
    expect(errorCodeOf(await graphql(service.url, LIST, { e: eventId }, { token: kit.token(associationId, Role.COUNCIL_MEMBER) }))).toBe('FORBIDDEN');
  });

  it('reminders are recorded once per registration of events starting within N hours', async () => {
    const soon = await kit.createEvent(officer, publicEvent({ startsAt: new Date(Date.now() + 10 * 3600_000).toISOString(), endsAt: new Date(Date.now() + 12 * 3600_000).toISOString(), sessions: [] }));
    dataOf(await register(soon, 'r1'));
    dataOf(await register(soon, 'r2'));
    const RUN = `mutation($a: ID!) { runEventReminders(associationId: $a, withinHours: 24) }`;
    const first = dataOf(await graphql<{ runEventReminders: number }>(service.url, RUN, { a: associationId }, { token: officer })).runEventReminders;
    expect(first).toBe(2);
    expect(dataOf(await graphql<{ runEventReminders: number }>(service.url, RUN, { a: associationId }, { token: officer })).runEventReminders).toBe(0);
    expect(await sqlQuery(service.databaseUrl, `SELECT count(*)::int AS n FROM events.registration_reminder m JOIN events.registration r ON r.id = m.registration_id WHERE r.event_id = $1`, [soon])).toEqual([{ n: 2 }]);
  });

  it('the nightly retention job erases contact data of registrations for events long over, keeping names', async () => {
    const old = await kit.createEvent(officer, publicEvent());
    const recent = await kit.createEvent(officer, publicEvent());
    const a = dataOf(await graphql<Ticket>(service.url, REGISTER, { i: { eventId: old, attendeeName: '钱七', attendeeEmail: 'qianqi@example.org', attendeePhone: '13700001111' } })).registerForEvent.registration;
    const b = dataOf(await graphql<Ticket>(service.url, REGISTER, { i: { eventId: recent, attendeeName: '孙八', attendeeEmail: 'sunba@example.org' } })).registerForEvent.registration;
    await sqlQuery(service.databaseUrl, `UPDATE events.event SET starts_at = now() - interval '200 days', ends_at = now() - interval '199 days' WHERE id = $1`, [old]);
    const envelope: JobEnvelope = { payload: { retentionDays: 180 }, associationId: null, requestedBy: 'test', requestId: null };
    const job = await kit.jobsQueue.add('events.registrations.purge-contact-data', envelope, { jobId: randomUUID() });
    await eventually(async () => ((await job.isCompleted()) ? true : undefined), { what: 'purge job' });
    const rows = await sqlQuery(service.databaseUrl, `SELECT id, attendee_name, attendee_email, attendee_phone FROM events.registration WHERE id = ANY($1::uuid[]) ORDER BY attendee_name`, [[a.id, b.id]]);
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: a.id, attendee_name: '钱七', attendee_email: null, attendee_phone: null },
        { id: b.id, attendee_name: '孙八', attendee_email: 'sunba@example.org', attendee_phone: null },
      ]),
    );
    expect(await sqlQuery(service.databaseUrl, `SELECT count(*)::int AS n FROM events.registration WHERE person_key LIKE '%@%'`)).toEqual([{ n: 0 }]);
  });

  it('public lists and iCal feeds show public events to anonymous callers, member events only with a token', async () => {
    const feedAssociation = randomUUID();
    const feedOfficer = kit.token(feedAssociation, Role.EVENTS_OFFICER);
    const pub = await kit.createEvent(feedOfficer, { ...publicEvent(), associationId: feedAssociation, title: '公开论坛, 第一期; 上午\\下午' });
    await kit.createEvent(feedOfficer, { ...publicEvent(), associationId: feedAssociation, title: '会员专场', audience: 'MEMBERS_ONLY' });
    await kit.createEvent(feedOfficer, { ...publicEvent(), associationId: feedAssociation, title: '草稿活动' }, false);

    const UPCOMING = `query($a: ID!) { upcomingEvents(associationId: $a) { totalCount nodes { title organizers { name role } sessions { title } } } }`;
    const anonymous = dataOf(await graphql<{ upcomingEvents: { nodes: Array<{ title: string }> } }>(service.url, UPCOMING, { a: feedAssociation }));
    expect(anonymous.upcomingEvents.nodes.map((n) => n.title)).toEqual(['公开论坛, 第一期; 上午\\下午']);
    expect(anonymous.upcomingEvents.nodes[0]).toMatchObject({ organizers: [{ name: '市商务局', role: 'GUIDANCE' }, { name: '本协会', role: 'HOST' }], sessions: [{ title: '主旨演讲' }] });
    const member = dataOf(await graphql<{ upcomingEvents: { totalCount: number } }>(service.url, UPCOMING, { a: feedAssociation }, { token: kit.token(feedAssociation, Role.MEMBER_REP, randomUUID()) }));
    expect(member.upcomingEvents.totalCount).toBe(2);

    const base = service.url.replace('/graphql', '');
    const feed = await fetch(`${base}/calendar/associations/${feedAssociation}/events.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await feed.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text).toContain(`UID:${pub}@events.zilv\r\n`);
    expect(text).toContain('SUMMARY:公开论坛\\, 第一期\\; 上午\\\\下午');
    expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
    const withToken = await (await fetch(`${base}/calendar/associations/${feedAssociation}/events.ics`, { headers: { authorization: `Bearer ${feedOfficer}` } })).text();
    expect(withToken.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    const one = await fetch(`${base}/calendar/events/${pub}/event.ics`);
    expect(one.status).toBe(200);
    expect((await fetch(`${base}/calendar/events/not-a-uuid/event.ics`)).status).toBe(400);
  });

  it('bad input changes nothing: an event ending before it starts, and a draft cannot be registered for', async () => {
    const bad = await graphql(service.url, `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`, { i: publicEvent({ endsAt: inDays(9) }) }, { token: officer });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_SCHEDULE' });
    const draft = await kit.createEvent(officer, publicEvent(), false);
    expect(errorCodeOf(await register(draft, 'dr'))).toBe('NOT_FOUND');
    const viaStaff = await register(draft, 'dr2', officer);
    expect(viaStaff.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRATION_CLOSED' });
    expect(errorCodeOf(await graphql(service.url, `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`, { i: publicEvent() }, { token: kit.token(associationId, Role.MEMBER_REP, randomUUID()) }))).toBe('FORBIDDEN');
  });
});
