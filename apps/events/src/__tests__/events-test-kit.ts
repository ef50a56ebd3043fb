import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { AccessTokenSigner, Role } from '@app/auth';
import { QUEUE_PREFIX, jobQueueName, type DomainEventPayloads, type DomainEventType } from '@app/messaging';
import { TestEventDelivery, aDomainEvent, dataOf, graphql, testRedisUrl, type InProcessService } from '@app/testing';
import type { EventsConfig } from '../config/events.config';

/** Test helpers for the events service: tokens, membership events on its queue, events and registrations. */
export class EventsTestKit {
  readonly delivery = new TestEventDelivery('events');
  readonly jobsQueue: Queue;

  constructor(readonly service: InProcessService<EventsConfig>) {
    this.jobsQueue = new Queue(jobQueueName('events'), { connection: { url: testRedisUrl() }, prefix: QUEUE_PREFIX });
  }

  async close(): Promise<void> {
    await this.delivery.close();
    await this.jobsQueue.close();
  }

  token(associationId: string, role: Role, organizationId?: string): string {
    const signer = new AccessTokenSigner(this.service.keys.AUTH_PRIVATE_KEY);
    return signer.sign({ accountId: randomUUID(), email: null, kind: 'PERSON', platformAdmin: false, grants: [{ associationId, role, organizationId: organizationId ?? null }] }, 600).token;
  }

  /** Delivers a membership event the way membership's relay does (job name = type, job id = event id) and waits for it. */
  deliver<T extends DomainEventType>(type: T, associationId: string, payload: DomainEventPayloads[T], occurredAt = new Date()): Promise<unknown> {
    return this.delivery.deliver(aDomainEvent(type, associationId, payload, occurredAt));
  }

  /** Makes an organization an ACTIVE member unit (as membership's events would). */
  async memberUnit(associationId: string, name: string, status: 'ACTIVE' | 'PENDING' | 'LAPSED' = 'ACTIVE'): Promise<string> {
    const organizationId = randomUUID();
    await this.deliver('membership.organization.updated', associationId, { organizationId, name, creditCode: '91420100MA4KXXXX0X', membershipStatus: status, revision: 1 });
    return organizationId;
  }

  /** Seats a unit on the council from `startsOn` (open-ended). */
  async councilSeat(associationId: string, organizationId: string, startsOn: string, post: 'DIRECTOR' | 'PRESIDENT' | 'SUPERVISOR' = 'DIRECTOR', endsOn: string | null = null): Promise<string> {
    const officeId = randomUUID();
    await this.deliver('membership.office.changed', associationId, {
      councilTermId: '00000000-0000-4000-8000-000000000001',
      officeId,
      post,
      holderOrganizationId: organizationId,
      holderPersonId: null,
      holderName: `理事单位 ${organizationId.slice(0, 4)}`,
      startsOn,
      endsOn,
      change: 'APPOINTED',
    });
    return officeId;
  }

  async createEvent(token: string, input: Record<string, unknown>, publish = true): Promise<string> {
    const created = dataOf(await graphql<{ createEvent: { id: string } }>(this.service.url, `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`, { i: input }, { token }));
    if (publish) dataOf(await graphql(this.service.url, `mutation($id: ID!) { publishEvent(eventId: $id) { id status } }`, { id: created.createEvent.id }, { token }));
    return created.createEvent.id;
  }
}

export const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { checkInToken registration { id status organizationId offerExpiresAt attendeeEmail } } }`;

export interface Ticket {
  registerForEvent: { checkInToken: string; registration: { id: string; status: string; organizationId: string | null; offerExpiresAt: string | null; attendeeEmail: string | null } };
}

export function inDays(days: number, hour = 2): string {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}

/** The tests' usual event: a public forum ten days ahead, with whatever `extra` changes. */
export function aPublicForum(associationId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { associationId, category: 'FORUM', title: '数字经济论坛', venue: '武汉国际会议中心', startsAt: inDays(10), endsAt: inDays(10, 9), audience: 'PUBLIC', ...extra };
}

/** Registers an attendee named after `label`, with an e-mail address of its own. */
export function registerAttendee(serviceUrl: string, eventId: string, label: string, token?: string, extra: Record<string, unknown> = {}) {
  return graphql<Ticket>(serviceUrl, REGISTER, { i: { eventId, attendeeName: `参会人${label}`, attendeeEmail: `${label}-${randomUUID().slice(0, 8)}@example.org`, ...extra } }, { token });
}
