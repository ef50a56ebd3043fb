import { DuplicateVoterError, Electorate, ExclusionReason, InvalidElectorateError, VotingError, type Exclusion } from '@app/voting';
import { PublicErrorCode } from '@app/common';
import { TAKEN_AT, voterIds } from './voting-test-helpers';

describe('Electorate.snapshot', () => {
  it('keeps the roll in order and makes everyone eligible without exclusions', () => {
    const electorate = Electorate.snapshot({ roll: ['c', 'a', 'b'], takenAt: TAKEN_AT });
    expect(electorate.roll).toEqual(['c', 'a', 'b']);
    expect(electorate.eligible).toEqual(['c', 'a', 'b']);
    expect(electorate.exclusions).toEqual([]);
    expect(electorate.size).toBe(3);
    expect(electorate.rollSize).toBe(3);
    expect(electorate.takenAt.toISOString()).toBe('2025-03-01T09:00:00.000Z');
  });

  it('eligible voters are the roll minus exclusions, each exclusion keeping its reason', () => {
    const exclusions: Exclusion[] = [
      { voterId: 'unit-02', reason: ExclusionReason.DRAFTER, note: 'drafting unit' },
      { voterId: 'unit-05', reason: 'CONFLICT_OF_INTEREST' },
      { voterId: 'unit-07', reason: 'RECUSAL' },
      { voterId: 'unit-09', reason: 'OTHER', note: 'suspended' },
    ];
    const electorate = Electorate.snapshot({ roll: voterIds(10), exclusions, takenAt: TAKEN_AT });
    expect(electorate.rollSize).toBe(10);
    expect(electorate.size).toBe(6);
    expect(electorate.eligible).toEqual(['unit-01', 'unit-03', 'unit-04', 'unit-06', 'unit-08', 'unit-10']);
    expect(electorate.exclusions).toEqual(exclusions);
    expect(electorate.exclusionOf('unit-02')).toEqual({ voterId: 'unit-02', reason: 'DRAFTER', note: 'drafting unit' });
    expect(electorate.exclusionOf('unit-05')?.reason).toBe('CONFLICT_OF_INTEREST');
    expect(electorate.exclusionOf('unit-01')).toBeUndefined();
    expect(electorate.exclusionOf('nobody')).toBeUndefined();
    expect(electorate.isOnRoll('unit-02')).toBe(true);
    expect(electorate.isEligible('unit-02')).toBe(false);
    expect(electorate.isEligible('unit-03')).toBe(true);
    expect(electorate.isOnRoll('nobody')).toBe(false);
    expect(electorate.isEligible('nobody')).toBe(false);
  });

  it('a drafter excluded from a 9-member panel leaves an electorate of 8', () => {
    const electorate = Electorate.snapshot({
      roll: voterIds(9, 'expert-'),
      exclusions: [{ voterId: 'expert-04', reason: 'DRAFTER' }],
      takenAt: TAKEN_AT,
    });
    expect(electorate.rollSize).toBe(9);
    expect(electorate.size).toBe(8);
    expect(electorate.eligible).not.toContain('expert-04');
  });

  it.each([0, 1, 2, 5, 9])('excluding %p of 9 leaves 9 − %p', (excludedCount) => {
    const roll = voterIds(9);
    const electorate = Electorate.snapshot({
      roll,
      exclusions: roll.slice(0, excludedCount).map((voterId) => ({ voterId, reason: 'DRAFTER' as const })),
      takenAt: TAKEN_AT,
    });
    expect(electorate.size).toBe(9 - excludedCount);
  });

  it('allows an empty roll and a fully excluded roll (electorate 0)', () => {
    expect(Electorate.snapshot({ roll: [], takenAt: TAKEN_AT }).size).toBe(0);
    const allOut = Electorate.snapshot({ roll: ['a'], exclusions: [{ voterId: 'a', reason: 'RECUSAL' }], takenAt: TAKEN_AT });
    expect(allOut.size).toBe(0);
    expect(allOut.eligible).toEqual([]);
  });

  it('accepts any iterable for roll and exclusions', () => {
    const electorate = Electorate.snapshot({
      roll: new Set(['a', 'b', 'c']),
      exclusions: new Map([['b', { voterId: 'b', reason: 'OTHER' as const }]]).values(),
      takenAt: TAKEN_AT,
    });
    expect(electorate.eligible).toEqual(['a', 'c']);
  });
});

describe('Electorate snapshot isolation', () => {
  it('later mutation of the input arrays, exclusion objects or date does not change the snapshot', () => {
    const roll = ['a', 'b', 'c'];
    const exclusion: { voterId: string; reason: ExclusionReason; note?: string } = { voterId: 'b', reason: 'DRAFTER', note: 'n' };
    const exclusions = [exclusion];
    const takenAt = new Date(TAKEN_AT.getTime());
    const electorate = Electorate.snapshot({ roll, exclusions, takenAt });

    roll.push('d');
    roll[0] = 'z';
    exclusions.push({ voterId: 'c', reason: 'OTHER' });
    exclusion.voterId = 'a';
    exclusion.reason = 'OTHER';
    exclusion.note = 'changed';
    takenAt.setFullYear(2030);

    expect(electorate.roll).toEqual(['a', 'b', 'c']);
    expect(electorate.eligible).toEqual(['a', 'c']);
    expect(electorate.exclusions).toEqual([{ voterId: 'b', reason: 'DRAFTER', note: 'n' }]);
    expect(electorate.isEligible('a')).toBe(true);
    expect(electorate.isEligible('b')).toBe(false);
    expect(electorate.isOnRoll('d')).toBe(false);
    expect(electorate.takenAt.toISOString()).toBe('2025-03-01T09:00:00.000Z');
  });

  it('cannot be changed through its own properties', () => {
    const electorate = Electorate.snapshot({ roll: ['a', 'b'], exclusions: [{ voterId: 'b', reason: 'DRAFTER' }], takenAt: TAKEN_AT });
    expect(Object.isFrozen(electorate)).toBe(true);
    expect(Object.isFrozen(electorate.roll)).toBe(true);
    expect(Object.isFrozen(electorate.eligible)).toBe(true);
    expect(Object.isFrozen(electorate.exclusions)).toBe(true);
    expect(Object.isFrozen(electorate.exclusions[0])).toBe(true);
    expect(() => (electorate.roll as string[]).push('x')).toThrow(TypeError);
    expect(() => (electorate.eligible as string[]).push('x')).toThrow(TypeError);
    expect(() => {
      (electorate.exclusions[0] as { reason: string }).reason = 'OTHER';
    }).toThrow(TypeError);

    // takenAt is handed out as a copy.
    electorate.takenAt.setFullYear(1999);
    expect(electorate.takenAt.toISOString()).toBe('2025-03-01T09:00:00.000Z');
    expect(electorate.size).toBe(1);
  });
});

describe('Electorate validation', () => {
  it('rejects a duplicate id on the roll', () => {
    expect(() => Electorate.snapshot({ roll: ['a', 'b', 'a'], takenAt: TAKEN_AT })).toThrow(DuplicateVoterError);
    try {
      Electorate.snapshot({ roll: ['a', 'b', 'a'], takenAt: TAKEN_AT });
    } catch (error) {
      expect(error).toBeInstanceOf(VotingError);
      expect(error).toMatchObject({ voterId: 'a', reason: 'DUPLICATE_VOTER', code: PublicErrorCode.BAD_USER_INPUT });
    }
    expect.assertions(3);
  });

  it('rejects a voter excluded twice, even for different reasons', () => {
    expect(() =>
      Electorate.snapshot({
        roll: ['a', 'b'],
        exclusions: [
          { voterId: 'a', reason: 'DRAFTER' },
          { voterId: 'a', reason: 'RECUSAL' },
        ],
        takenAt: TAKEN_AT,
      }),
    ).toThrow(DuplicateVoterError);
  });

  it('treats ids as case-sensitive exact strings', () => {
    expect(Electorate.snapshot({ roll: ['a', 'A'], takenAt: TAKEN_AT }).size).toBe(2);
  });

  it('rejects an exclusion of someone not on the roll', () => {
    expect(() => Electorate.snapshot({ roll: ['a'], exclusions: [{ voterId: 'b', reason: 'DRAFTER' }], takenAt: TAKEN_AT })).toThrow(
      InvalidElectorateError,
    );
  });

  it('rejects an unknown exclusion reason', () => {
    expect(() =>
      Electorate.snapshot({ roll: ['a'], exclusions: [{ voterId: 'a', reason: 'BORED' as ExclusionReason }], takenAt: TAKEN_AT }),
    ).toThrow(/unknown reason/);
  });

  it('rejects a non-text note', () => {
    expect(() =>
      Electorate.snapshot({ roll: ['a'], exclusions: [{ voterId: 'a', reason: 'OTHER', note: 5 as unknown as string }], takenAt: TAKEN_AT }),
    ).toThrow(InvalidElectorateError);
  });

  it.each([[''], ['   '], [5], [null], [undefined]])('rejects the voter id %p', (id) => {
    expect(() => Electorate.snapshot({ roll: ['a', id as unknown as string], takenAt: TAKEN_AT })).toThrow(InvalidElectorateError);
    expect(() =>
      Electorate.snapshot({ roll: ['a'], exclusions: [{ voterId: id as unknown as string, reason: 'OTHER' }], takenAt: TAKEN_AT }),
    ).toThrow(InvalidElectorateError);
  });

  it.each([[new Date('not a date')], ['2025-03-01'], [undefined], [Date.now()]])('rejects the takenAt %p', (takenAt) => {
    expect(() => Electorate.snapshot({ roll: ['a'], takenAt: takenAt as unknown as Date })).toThrow(/valid takenAt/);
  });

  it('offers exactly the four exclusion reasons', () => {
    expect(Object.values(ExclusionReason).sort()).toEqual(['CONFLICT_OF_INTEREST', 'DRAFTER', 'OTHER', 'RECUSAL']);
  });
});
