import {
  countBallots,
  DuplicateBallotError,
  Electorate,
  IneligibleVoterError,
  InvalidBallotError,
  InvalidNumberError,
  InvalidTallyError,
  Position,
  tallyCounts,
  TallyPosition,
  VotingError,
  type Ballot,
  type Position as PositionType,
} from '@app/voting';
import { PublicErrorCode } from '@app/common';
import { electorateOf, lcg, TAKEN_AT, voterIds } from './voting-test-helpers';

function ballots(entries: [string, PositionType][]): Ballot[] {
  return entries.map(([voterId, position]) => ({ voterId, position }));
}

describe('countBallots', () => {
  it('counts each position and derives returned, cast and NO_RECORD', () => {
    const electorate = electorateOf(10);
    const tally = countBallots(
      electorate,
      ballots([
        ['unit-01', 'YES'],
        ['unit-02', 'YES'],
        ['unit-03', 'YES'],
        ['unit-04', 'NO'],
        ['unit-05', 'NO'],
        ['unit-06', 'ABSTAIN'],
      ]),
    );
    expect(tally).toMatchObject({
      eligible: 10,
      electorate: 10,
      yes: 3,
      no: 2,
      abstain: 1,
      recuse: 0,
      noRecord: 4,
      present: null,
      returned: 6,
      cast: 5,
    });
    expect(tally.positions.get('unit-01')).toBe('YES');
    expect(tally.positions.get('unit-04')).toBe('NO');
    expect(tally.positions.get('unit-06')).toBe('ABSTAIN');
    expect(tally.positions.get('unit-07')).toBe(TallyPosition.NO_RECORD);
    expect([...tally.positions.keys()]).toEqual(voterIds(10));
  });

  it('gives everyone NO_RECORD when there are no ballots', () => {
    const tally = countBallots(electorateOf(4), []);
    expect(tally).toMatchObject({ electorate: 4, yes: 0, no: 0, abstain: 0, noRecord: 4, returned: 0, cast: 0 });
    expect([...tally.positions.values()]).toEqual(['NO_RECORD', 'NO_RECORD', 'NO_RECORD', 'NO_RECORD']);
  });

  it('handles a zero electorate', () => {
    const tally = countBallots(electorateOf(0), [], { present: [] });
    expect(tally).toMatchObject({ eligible: 0, electorate: 0, noRecord: 0, present: 0, returned: 0, cast: 0 });
  });

  it('counts attendance separately: present without a ballot is NO_RECORD but present', () => {
    const tally = countBallots(
      electorateOf(9),
      ballots([
        ['unit-01', 'YES'],
        ['unit-02', 'NO'],
        ['unit-03', 'ABSTAIN'],
      ]),
      { present: ['unit-01', 'unit-02', 'unit-03', 'unit-04', 'unit-05', 'unit-06'] },
    );
    expect(tally).toMatchObject({ present: 6, returned: 3, cast: 2, noRecord: 6, electorate: 9 });
    expect(tally.positions.get('unit-05')).toBe('NO_RECORD');
  });

  it('does not count excluded attendees as present (an excluded drafter may sit in the room)', () => {
    const electorate = Electorate.snapshot({
      roll: voterIds(9),
      exclusions: [{ voterId: 'unit-09', reason: 'DRAFTER' }],
      takenAt: TAKEN_AT,
    });
    const tally = countBallots(electorate, [], { present: ['unit-01', 'unit-09'] });
    expect(tally).toMatchObject({ eligible: 8, electorate: 8, present: 1, noRecord: 8 });
    expect(tally.positions.has('unit-09')).toBe(false);
  });

  it('is frozen', () => {
    const tally = countBallots(electorateOf(2), ballots([['unit-01', 'YES']]));
    expect(Object.isFrozen(tally)).toBe(true);
  });

  it('does not depend on ballot order', () => {
    const entries = ballots([
      ['unit-03', 'NO'],
      ['unit-01', 'YES'],
      ['unit-02', 'RECUSE'],
    ]);
    const forward = countBallots(electorateOf(4), entries);
    const backward = countBallots(electorateOf(4), [...entries].reverse());
    expect({ ...backward, positions: [...backward.positions] }).toEqual({ ...forward, positions: [...forward.positions] });
  });
});

describe('Recusal (RECUSE ballot): the voter leaves the counting electorate', () => {
  it('reduces the electorate, is not NO_RECORD and is not counted as present', () => {
    const tally = countBallots(
      electorateOf(9),
      ballots([
        ['unit-01', 'YES'],
        ['unit-02', 'RECUSE'],
      ]),
      { present: ['unit-01', 'unit-02', 'unit-03'] },
    );
    expect(tally).toMatchObject({ eligible: 9, electorate: 8, yes: 1, recuse: 1, noRecord: 7, present: 2, returned: 1, cast: 1 });
    expect(tally.positions.get('unit-02')).toBe('RECUSE');
  });

  it('matches an exclusion taken before the ballot opened', () => {
    const recusedDuringBallot = countBallots(
      electorateOf(6),
      ballots([
        ['unit-01', 'YES'],
        ['unit-06', 'RECUSE'],
      ]),
      { present: ['unit-01', 'unit-02', 'unit-06'] },
    );
    const excludedBeforehand = countBallots(
      Electorate.snapshot({ roll: voterIds(6), exclusions: [{ voterId: 'unit-06', reason: 'RECUSAL' }], takenAt: TAKEN_AT }),
      ballots([['unit-01', 'YES']]),
      { present: ['unit-01', 'unit-02', 'unit-06'] },
    );
    for (const key of ['electorate', 'yes', 'no', 'abstain', 'noRecord', 'present', 'returned', 'cast'] as const) {
      expect([key, recusedDuringBallot[key]]).toEqual([key, excludedBeforehand[key]]);
    }
  });

  it('a recusing voter need not be present', () => {
    const tally = countBallots(electorateOf(3), ballots([['unit-03', 'RECUSE']]), { present: ['unit-01'] });
    expect(tally).toMatchObject({ electorate: 2, present: 1, recuse: 1 });
  });

  it('everyone recusing leaves an electorate of 0', () => {
    const tally = countBallots(
      electorateOf(2),
      ballots([
        ['unit-01', 'RECUSE'],
        ['unit-02', 'RECUSE'],
      ]),
    );
    expect(tally).toMatchObject({ eligible: 2, electorate: 0, recuse: 2, noRecord: 0 });
  });
});

describe('countBallots rejections', () => {
  const electorate = Electorate.snapshot({
    roll: ['a', 'b', 'c', 'd'],
    exclusions: [
      { voterId: 'c', reason: 'DRAFTER' },
      { voterId: 'd', reason: 'CONFLICT_OF_INTEREST' },
    ],
    takenAt: TAKEN_AT,
  });

  it('rejects a ballot from someone not on the roll, saying so', () => {
    let caught: unknown;
    try {
      countBallots(electorate, ballots([['stranger', 'YES']]));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IneligibleVoterError);
    expect(caught).toBeInstanceOf(VotingError);
    expect(caught).toMatchObject({ voterId: 'stranger', exclusionReason: null, reason: 'VOTER_NOT_ELIGIBLE', code: PublicErrorCode.FORBIDDEN });
  });

  it.each([
    ['c', 'DRAFTER'],
    ['d', 'CONFLICT_OF_INTEREST'],
  ])('rejects a ballot from the excluded voter %p with the exclusion reason %p', (voterId, exclusionReason) => {
    for (const position of Object.values(Position)) {
      expect(() => countBallots(electorate, ballots([[voterId, position]]))).toThrow(IneligibleVoterError);
    }
    expect(() => countBallots(electorate, ballots([[voterId, 'YES']]))).toThrow(expect.objectContaining({ voterId, exclusionReason }));
  });

  it('rejects a second ballot from the same voter, even with the same position', () => {
    expect(() =>
      countBallots(
        electorate,
        ballots([
          ['a', 'YES'],
          ['a', 'YES'],
        ]),
      ),
    ).toThrow(DuplicateBallotError);
    expect(() =>
      countBallots(
        electorate,
        ballots([
          ['a', 'YES'],
          ['a', 'RECUSE'],
        ]),
      ),
    ).toThrow(expect.objectContaining({ voterId: 'a', code: PublicErrorCode.CONFLICT }));
  });

  it.each([
    [{ voterId: 'a', position: 'MAYBE' }],
    [{ voterId: 'a', position: 'NO_RECORD' }],
    [{ voterId: '', position: 'YES' }],
    [{ position: 'YES' }],
    [{ voterId: 'a' }],
  ])('rejects the malformed ballot %p', (ballot) => {
    expect(() => countBallots(electorate, [ballot as unknown as Ballot])).toThrow(InvalidBallotError);
  });

  it('rejects an attendee not on the roll and a duplicated attendee', () => {
    expect(() => countBallots(electorate, [], { present: ['a', 'stranger'] })).toThrow(InvalidTallyError);
    expect(() => countBallots(electorate, [], { present: ['a', 'a'] })).toThrow(/listed twice/);
  });

  it.each(['YES', 'NO', 'ABSTAIN'] as const)('rejects a %s ballot from a voter not recorded as present', (position) => {
    expect(() => countBallots(electorate, ballots([['a', position]]), { present: ['b'] })).toThrow(/not recorded as present/);
  });
});

describe('tallyCounts', () => {
  it('derives every field', () => {
    expect(tallyCounts({ eligible: 12, yes: 5, no: 3, abstain: 2, recuse: 1, present: 10 })).toEqual({
      eligible: 12,
      electorate: 11,
      yes: 5,
      no: 3,
      abstain: 2,
      recuse: 1,
      noRecord: 1,
      present: 10,
      returned: 10,
      cast: 8,
    });
  });

  it('defaults recuse to 0 and present to null', () => {
    expect(tallyCounts({ eligible: 3, yes: 1, no: 0, abstain: 0 })).toMatchObject({ recuse: 0, present: null, electorate: 3, noRecord: 2 });
  });

  it('accepts the extremes', () => {
    expect(tallyCounts({ eligible: 0, yes: 0, no: 0, abstain: 0, present: 0 }).electorate).toBe(0);
    expect(tallyCounts({ eligible: 5, yes: 5, no: 0, abstain: 0, present: 5 }).noRecord).toBe(0);
    expect(tallyCounts({ eligible: 5, yes: 0, no: 0, abstain: 0, recuse: 5 }).electorate).toBe(0);
  });

  it.each([
    [{ eligible: 3, yes: 2, no: 2, abstain: 0 }, /ballots were counted/],
    [{ eligible: 3, yes: 1, no: 1, abstain: 0, recuse: 2 }, /ballots were counted/],
    [{ eligible: 5, yes: 1, no: 0, abstain: 0, present: 6 }, /exceeds the electorate/],
    [{ eligible: 5, yes: 1, no: 0, abstain: 0, recuse: 1, present: 5 }, /exceeds the electorate/],
    [{ eligible: 5, yes: 2, no: 1, abstain: 0, present: 2 }, /only 2 voters are present/],
  ])('rejects the inconsistent counts %p', (counts, message) => {
    expect(() => tallyCounts(counts)).toThrow(InvalidTallyError);
    expect(() => tallyCounts(counts)).toThrow(message);
  });

  it.each([
    { eligible: -1, yes: 0, no: 0, abstain: 0 },
    { eligible: 3, yes: 0.5, no: 0, abstain: 0 },
    { eligible: 3, yes: 0, no: Number.NaN, abstain: 0 },
    { eligible: 3, yes: 0, no: 0, abstain: Number.POSITIVE_INFINITY },
    { eligible: 3, yes: 0, no: 0, abstain: 0, recuse: -1 },
    { eligible: 3, yes: 0, no: 0, abstain: 0, present: 1.5 },
    { eligible: '3' as unknown as number, yes: 0, no: 0, abstain: 0 },
    { eligible: 2 ** 53, yes: 0, no: 0, abstain: 0 },
  ])('rejects the non-count %p', (counts) => {
    expect(() => tallyCounts(counts)).toThrow(InvalidNumberError);
  });

  it('agrees with countBallots on randomised ballots (the two construction paths)', () => {
    const next = lcg(20250301);
    const positions: PositionType[] = ['YES', 'NO', 'ABSTAIN', 'RECUSE'];
    for (let round = 0; round < 300; round += 1) {
      const size = next(25);
      const electorate = electorateOf(size);
      const entries: Ballot[] = [];
      const present: string[] = [];
      for (const voterId of electorate.eligible) {
        const choice = next(5); // 0..3 a position, 4..5 no ballot
        const isPresent = next(1) === 1;
        if (choice < 4) {
          const position = positions[choice];
          entries.push({ voterId, position });
          if (position !== 'RECUSE' || isPresent) present.push(voterId);
        } else if (isPresent) {
          present.push(voterId);
        }
      }
      const counted = countBallots(electorate, entries, { present });
      const count = (position: PositionType): number => entries.filter((ballot) => ballot.position === position).length;
      const recusedPresent = entries.filter((ballot) => ballot.position === 'RECUSE' && present.includes(ballot.voterId)).length;
      const fromCounts = tallyCounts({
        eligible: size,
        yes: count('YES'),
        no: count('NO'),
        abstain: count('ABSTAIN'),
        recuse: count('RECUSE'),
        present: present.length - recusedPresent,
      });
      const { positions: recorded, ...plain } = counted;
      expect(plain).toEqual(fromCounts);
      expect(recorded.size).toBe(size);
    }
  });
});
