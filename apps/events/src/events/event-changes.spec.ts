import { capacityHoldsSeats, changeRefusal, diffEvent, isOver, normalizedReason, scheduleProblem, type ChangeableValues } from './event-changes';

describe('changing an event', () => {
  const current: ChangeableValues = {
    title: '数字经济论坛',
    description: null,
    venue: '武汉国际会议中心',
    startsAt: new Date('2026-12-01T01:00:00Z'),
    endsAt: new Date('2026-12-01T09:00:00Z'),
    capacity: 50,
    cancellationCutoffAt: null,
  };

  it('reports only the fields whose value changes, with values before and after (instants as ISO strings)', () => {
    const diff = diffEvent(current, {
      title: '数字经济论坛',
      venue: '光谷会展中心',
      startsAt: new Date('2026-12-02T01:00:00Z'),
      endsAt: new Date('2026-12-01T09:00:00.000Z'),
    });
    expect(diff.fields).toEqual(['venue', 'startsAt']);
    expect(diff.before).toEqual({ venue: '武汉国际会议中心', startsAt: '2026-12-01T01:00:00.000Z' });
    expect(diff.after).toEqual({ venue: '光谷会展中心', startsAt: '2026-12-02T01:00:00.000Z' });
    expect(diff.next).toEqual({ ...current, venue: '光谷会展中心', startsAt: new Date('2026-12-02T01:00:00Z') });
  });

  it('leaves out what the patch leaves out, and null clears a field', () => {
    expect(diffEvent(current, {}).fields).toEqual([]);
    const cleared = diffEvent(current, { venue: null, capacity: null, description: undefined });
    expect(cleared.fields).toEqual(['venue', 'capacity']);
    expect(cleared.after).toEqual({ venue: null, capacity: null });
    expect(cleared.next.description).toBeNull();
    expect(diffEvent(current, { cancellationCutoffAt: null }).fields).toEqual([]);
  });

  it('does not change the event it was given', () => {
    const copy = { ...current };
    diffEvent(current, { title: '新标题', capacity: 80 });
    expect(current).toEqual(copy);
  });

  it('refuses a schedule ending before it starts or with the cut-off after the start', () => {
    const startsAt = new Date('2026-12-01T01:00:00Z');
    expect(scheduleProblem({ startsAt, endsAt: startsAt })).toBeNull();
    expect(scheduleProblem({ startsAt, endsAt: new Date('2026-12-01T00:59:59Z') })).toMatch(/ends before it starts/);
    expect(scheduleProblem({ startsAt, endsAt: startsAt, cancellationCutoffAt: startsAt })).toBeNull();
    expect(scheduleProblem({ startsAt, endsAt: startsAt, cancellationCutoffAt: new Date('2026-12-01T01:00:01Z') })).toMatch(/cut-off/);
  });

  it('a cancelled event or one that has ended cannot change; an event is over once its end has passed', () => {
    const endsAt = new Date('2026-12-01T09:00:00Z');
    expect(isOver(endsAt, endsAt)).toBe(false);
    expect(isOver(endsAt, new Date('2026-12-01T09:00:00.001Z'))).toBe(true);
    expect(changeRefusal({ status: 'PUBLISHED', endsAt }, new Date('2026-11-30T00:00:00Z'))).toBeNull();
    expect(changeRefusal({ status: 'DRAFT', endsAt }, new Date('2026-11-30T00:00:00Z'))).toBeNull();
    expect(changeRefusal({ status: 'CANCELLED', endsAt }, new Date('2026-11-30T00:00:00Z'))).toBe('EVENT_CANCELLED');
    expect(changeRefusal({ status: 'PUBLISHED', endsAt }, new Date('2026-12-02T00:00:00Z'))).toBe('EVENT_OVER');
    expect(changeRefusal({ status: 'CANCELLED', endsAt }, new Date('2026-12-02T00:00:00Z'))).toBe('EVENT_CANCELLED');
  });

  it('capacity may not drop below the seats held; unlimited always fits', () => {
    expect(capacityHoldsSeats(10, 10)).toBe(true);
    expect(capacityHoldsSeats(9, 10)).toBe(false);
    expect(capacityHoldsSeats(null, 10_000)).toBe(true);
  });

  it('a blank reason is no reason', () => {
    expect(normalizedReason('  场馆临时检修  ')).toBe('场馆临时检修');
    expect(normalizedReason('   ')).toBeNull();
    expect(normalizedReason(null)).toBeNull();
    expect(normalizedReason(undefined)).toBeNull();
  });
});
