import type { EventFieldValues } from './entities/event-change.entity';

/** The fields of an event that events staff may change after creation. */
export const CHANGEABLE_FIELDS = ['title', 'description', 'venue', 'startsAt', 'endsAt', 'capacity', 'cancellationCutoffAt'] as const;
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

export interface ChangeableValues {
  title: string;
  description: string | null;
  venue: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  cancellationCutoffAt: Date | null;
}

/** A requested change: a field left undefined keeps its value; null clears a nullable one. */
export type EventPatch = { [K in ChangeableField]?: ChangeableValues[K] };

export interface EventDiff {
  next: ChangeableValues;
  /** The fields whose value actually changes, in CHANGEABLE_FIELDS order. */
  fields: ChangeableField[];
  before: EventFieldValues;
  after: EventFieldValues;
}

/** How a value is stored in the history (jsonb): dates as ISO strings. */
export function storedValue(value: string | number | Date | null): string | number | null {
  return value instanceof Date ? value.toISOString() : value;
}

/** What the patch changes, with the values before and after, and the event as it will be. */
export function diffEvent(current: ChangeableValues, patch: EventPatch): EventDiff {
  const next: ChangeableValues = { ...current };
  const fields: ChangeableField[] = [];
  const before: EventFieldValues = {};
  const after: EventFieldValues = {};
  for (const field of CHANGEABLE_FIELDS) {
    const requested = patch[field];
    if (requested === undefined) continue;
    const was = storedValue(current[field]);
    const becomes = storedValue(requested);
    if (was === becomes) continue;
    (next as unknown as Record<ChangeableField, unknown>)[field] = requested;
    fields.push(field);
    before[field] = was;
    after[field] = becomes;
  }
  return { next, fields, before, after };
}

/** Why a schedule is impossible, or null: the end before the start, the cancellation cut-off after the start. */
export function scheduleProblem(schedule: { startsAt: Date; endsAt: Date; cancellationCutoffAt?: Date | null }): string | null {
  if (schedule.endsAt.getTime() < schedule.startsAt.getTime()) return 'The event ends before it starts.';
  if (schedule.cancellationCutoffAt && schedule.cancellationCutoffAt.getTime() > schedule.startsAt.getTime()) return 'The cancellation cut-off must not be after the start.';
  return null;
}

/** An event is over once its end has passed (upcoming lists show it until then). */
export function isOver(endsAt: Date, now: Date): boolean {
  return endsAt.getTime() < now.getTime();
}

/** Whether an event can still be changed or called off: not when it is cancelled or over. */
export function changeRefusal(event: { status: string; endsAt: Date }, now: Date): 'EVENT_CANCELLED' | 'EVENT_OVER' | null {
  if (event.status === 'CANCELLED') return 'EVENT_CANCELLED';
  if (isOver(event.endsAt, now)) return 'EVENT_OVER';
  return null;
}

/** A capacity may not drop below the seats already held; null is unlimited. */
export function capacityHoldsSeats(capacity: number | null, seatsHeld: number): boolean {
  return capacity === null || capacity >= seatsHeld;
}

/** A reason as recorded: trimmed, and null when blank. */
export function normalizedReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim();
  return trimmed ? trimmed : null;
}
