import { graphql } from '@app/testing';
import { type BenchContext, fmt, load, summarize } from './bench-kit';

/**
 * Registrations under contention: many concurrent registrations for ONE event through the gateway
 * (each takes the event row lock, counts seats and inserts), beside the same number of a cheap public
 * read (upcomingEvents) in the same run, for a ratio. Capacity is half the registrations, so the run
 * covers both confirmed and waitlisted paths; the confirmed count is checked at the end.
 */
export async function benchRegistrations({ stack, token, associationId, scale: SCALE }: BenchContext): Promise<void> {
  const url = `${stack.gatewayUrl}/graphql`;
  const total = 1000 * SCALE;
  const concurrency = 32;
  const capacity = total / 2;
  const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const endsAt = new Date(Date.now() + 7 * 86_400_000 + 3 * 3600_000).toISOString();
  const create = async (title: string) => {
    const created = await graphql<{ createEvent: { id: string } }>(url, `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`, { i: { associationId, category: 'FORUM', title, audience: 'PUBLIC', capacity, startsAt, endsAt } }, { token });
    const id = created.data!.createEvent.id;
    await graphql(url, `mutation($id: ID!) { publishEvent(eventId: $id) { id } }`, { id }, { token });
    return id;
  };
  const check = (response: { errors?: unknown[] }) => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
  };
  const registerOn = (eventId: string, label: string) => {
    let n = 0;
    return async () => {
      n += 1;
      check(await graphql(url, `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { status } } }`, { i: { eventId, attendeeName: '基准参会人', attendeeEmail: `${label}-${n}@bench.example.org` } }));
    };
  };
  const read = async () => check(await graphql(url, `query($a: ID!) { upcomingEvents(associationId: $a, first: 10) { totalCount nodes { id title confirmedCount } } }`, { a: associationId }));

  // Warm-up on a separate event.
  const warm = await create('基准预热活动');
  await load(100, 8, registerOn(warm, 'warm'));
  await load(100, 8, read);

  const eventId = await create('基准报名活动');
  const reg = await load(total, concurrency, registerOn(eventId, 'bench'));
  const reads = await load(total, concurrency, read);
  const registrations = summarize(reg.latencies, reg.elapsedMs);
  const upcoming = summarize(reads.latencies, reads.elapsedMs);
  const event = await graphql<{ event: { confirmedCount: number; waitlistCount: number } }>(url, `query($id: ID!) { event(id: $id) { confirmedCount waitlistCount } }`, { id: eventId }, { token });
  const { confirmedCount, waitlistCount } = event.data!.event;
  if (confirmedCount !== capacity || waitlistCount !== total - capacity) throw new Error(`capacity broken: ${confirmedCount} confirmed, ${waitlistCount} waitlisted`);

  console.log(`\n(registrations) ${total} registrations for one event of ${capacity} seats, ${concurrency} concurrent, through the gateway; vs ${total} upcomingEvents reads`);
  console.log('    operation        requests   req/s     p50 ms   p99 ms');
  for (const [name, s] of [['registerForEvent', registrations], ['upcomingEvents', upcoming]] as const) {
    console.log(`    ${name.padEnd(16)} ${String(s.count).padStart(8)}   ${fmt(s.perSecond, 0).padStart(6)}   ${fmt(s.p50, 2).padStart(6)}   ${fmt(s.p99, 2).padStart(6)}`);
  }
  console.log(`    ratio register/read: throughput ${fmt(registrations.perSecond / upcoming.perSecond, 2)}×, p50 ${fmt(registrations.p50 / upcoming.p50, 2)}×, p99 ${fmt(registrations.p99 / upcoming.p99, 2)}×`);
  console.log(`    result: ${confirmedCount} confirmed, ${waitlistCount} waitlisted (capacity held)`);
}
