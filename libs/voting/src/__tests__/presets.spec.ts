import {
  AMENDMENT_ADOPTION,
  BALLOT_RULE_PRESETS,
  COUNCIL_ORDINARY,
  COUNCIL_SPECIAL,
  countBallots,
  Electorate,
  evaluateBallot,
  STANDARD_TECHNICAL_REVIEW,
  tallyCounts,
  type Ballot,
  type BallotOutcome,
  type BallotRule,
} from '@app/voting';
import { electorateOf, smallest, splitRest, TAKEN_AT, voterIds } from './voting-test-helpers';

const SIZES = Array.from({ length: 30 }, (_, index) => index + 1);

/**
 * Runs a real ballot through the whole pipeline: the first `yes` voters vote YES, the next ones split
 * into NO / ABSTAIN / present-but-silent per `splitRest`, and the remaining voters are absent.
 */
function runMeeting(rule: BallotRule, electorate: Electorate, present: number, yes: number): BallotOutcome {
  const voters = electorate.eligible;
  const { no, abstain } = splitRest(present - yes);
  const ballots: Ballot[] = voters.slice(0, present).flatMap((voterId, index): Ballot[] => {
    if (index < yes) return [{ voterId, position: 'YES' }];
    if (index < yes + no) return [{ voterId, position: 'NO' }];
    if (index < yes + no + abstain) return [{ voterId, position: 'ABSTAIN' }];
    return [];
  });
  return evaluateBallot(rule, countBallots(electorate, ballots, { present: voters.slice(0, present) }));
}

/** A written ballot (no attendance): `yes` YES, then NO / ABSTAIN, the rest never return a ballot. */
function runWritten(rule: BallotRule, electorate: Electorate, yes: number, otherReturned: number): BallotOutcome {
  const voters = electorate.eligible;
  const ballots: Ballot[] = voters.slice(0, yes + otherReturned).map((voterId, index) => ({
    voterId,
    position: index < yes ? 'YES' : index % 2 === 0 ? 'NO' : 'ABSTAIN',
  }));
  return evaluateBallot(rule, countBallots(electorate, ballots));
}

describe('Preset definitions', () => {
  it('have the agreed fractions, bases and comparisons', () => {
    const shape = (rule: BallotRule): unknown => ({
      quorum: rule.quorum && { fraction: rule.quorum.fraction.toString(), of: rule.quorum.of, basis: rule.quorum.basis },
      pass: { fraction: rule.pass.fraction.toString(), of: rule.pass.of, comparison: rule.pass.comparison },
    });
    expect(shape(AMENDMENT_ADOPTION)).toEqual({ quorum: null, pass: { fraction: '2/3', of: 'ELECTORATE', comparison: 'GTE' } });
    expect(shape(COUNCIL_ORDINARY)).toEqual({
      quorum: { fraction: '2/3', of: 'ELECTORATE', basis: 'PRESENT' },
      pass: { fraction: '1/2', of: 'PRESENT', comparison: 'GT' },
    });
    expect(shape(COUNCIL_SPECIAL)).toEqual({
      quorum: { fraction: '2/3', of: 'ELECTORATE', basis: 'PRESENT' },
      pass: { fraction: '2/3', of: 'PRESENT', comparison: 'GTE' },
    });
    expect(shape(STANDARD_TECHNICAL_REVIEW)).toEqual({
      quorum: { fraction: '2/3', of: 'ELECTORATE', basis: 'PRESENT' },
      pass: { fraction: '3/4', of: 'PRESENT', comparison: 'GTE' },
    });
  });

  it('are listed by name and frozen', () => {
    expect(Object.keys(BALLOT_RULE_PRESETS).sort()).toEqual(['AMENDMENT_ADOPTION', 'COUNCIL_ORDINARY', 'COUNCIL_SPECIAL', 'STANDARD_TECHNICAL_REVIEW']);
    for (const [name, rule] of Object.entries(BALLOT_RULE_PRESETS)) {
      expect(rule.name).toBe(name);
      expect(Object.isFrozen(rule)).toBe(true);
    }
    expect(Object.isFrozen(BALLOT_RULE_PRESETS)).toBe(true);
  });
});

describe('AMENDMENT_ADOPTION: at least 2/3 of the whole electorate, no separate quorum', () => {
  // Oracle: smallest k with 3k ≥ 2n.
  const threshold = (n: number): number => smallest(n, (k) => 3 * k >= 2 * n) as number;

  it('pins a few thresholds by hand', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 10, 25, 30].map(threshold)).toEqual([1, 2, 2, 3, 4, 4, 6, 7, 17, 20]);
  });

  it.each(SIZES)('electorate %p: threshold − 1 YES fails, threshold YES passes (everyone else NO)', (n) => {
    const t = threshold(n);
    const electorate = electorateOf(n);
    const below = runWritten(AMENDMENT_ADOPTION, electorate, t - 1, n - t + 1);
    const at = runWritten(AMENDMENT_ADOPTION, electorate, t, n - t);
    expect([n, below.required, below.passed]).toEqual([n, t, false]);
    expect([n, at.required, at.passed]).toEqual([n, t, true]);
    expect([below.quorumMet, at.quorumMet, at.quorumRequired]).toEqual([true, true, null]);
  });

  it.each(SIZES)('electorate %p: units that never return a ballot count against (threshold passes alone, threshold − 1 never)', (n) => {
    const t = threshold(n);
    const electorate = electorateOf(n);
    expect(runWritten(AMENDMENT_ADOPTION, electorate, t, 0)).toMatchObject({ passed: true, noRecord: n - t, cast: t });
    if (t > 1) {
      // Unanimous among those who answered, still short of 2/3 of all units.
      expect(runWritten(AMENDMENT_ADOPTION, electorate, t - 1, 0)).toMatchObject({ passed: false, cast: t - 1 });
    }
  });

  it('sweeps every (electorate, YES, other returned) combination for 0..30', () => {
    for (let n = 0; n <= 30; n += 1) {
      for (let yes = 0; yes <= n; yes += 1) {
        for (let other = 0; other <= n - yes; other += 1) {
          const { no, abstain } = { no: other - Math.floor(other / 2), abstain: Math.floor(other / 2) };
          const outcome = evaluateBallot(AMENDMENT_ADOPTION, tallyCounts({ eligible: n, yes, no, abstain }));
          expect([n, yes, other, outcome.passed]).toEqual([n, yes, other, n > 0 && 3 * yes >= 2 * n]);
        }
      }
    }
  });

  it('25 signatory units: 17 adopt, 16 do not, however many vote', () => {
    const electorate = electorateOf(25);
    expect(runWritten(AMENDMENT_ADOPTION, electorate, 16, 0).passed).toBe(false);
    expect(runWritten(AMENDMENT_ADOPTION, electorate, 16, 9).passed).toBe(false);
    expect(runWritten(AMENDMENT_ADOPTION, electorate, 17, 0).passed).toBe(true);
    expect(runWritten(AMENDMENT_ADOPTION, electorate, 17, 8).passed).toBe(true);
  });

  it('a RECUSE ballot does not lower the bar: the frozen roll of 10 units still needs 7', () => {
    // "2/3 of all signatory units": the recusing unit stays on the roll and simply does not agree.
    const electorate = electorateOf(10);
    const withRecusal: Ballot[] = [
      ...voterIds(6).map((voterId): Ballot => ({ voterId, position: 'YES' })),
      { voterId: 'unit-10', position: 'RECUSE' },
    ];
    expect(evaluateBallot(AMENDMENT_ADOPTION, countBallots(electorate, withRecusal))).toMatchObject({
      electorate: 10,
      base: 10,
      required: 7,
      noRecord: 4,
      passed: false,
    });
    const seven = [...voterIds(7).map((voterId): Ballot => ({ voterId, position: 'YES' })), { voterId: 'unit-10', position: 'RECUSE' } as Ballot];
    expect(evaluateBallot(AMENDMENT_ADOPTION, countBallots(electorate, seven)).passed).toBe(true);
    const withoutRecusal = withRecusal.slice(0, 6);
    expect(evaluateBallot(AMENDMENT_ADOPTION, countBallots(electorate, withoutRecusal))).toMatchObject({
      electorate: 10,
      required: 7,
      passed: false,
    });
  });

  it('zero electorate: nothing is adopted', () => {
    expect(evaluateBallot(AMENDMENT_ADOPTION, countBallots(electorateOf(0), []))).toMatchObject({ base: 0, required: 1, passed: false });
  });
});

/** The three meeting presets share a 2/3 quorum of those present; they differ in the pass rule. */
const MEETING_PRESETS: [string, BallotRule, (yes: number, present: number) => boolean][] = [
  ['COUNCIL_ORDINARY', COUNCIL_ORDINARY, (yes, present) => 2 * yes > present],
  ['COUNCIL_SPECIAL', COUNCIL_SPECIAL, (yes, present) => 3 * yes >= 2 * present],
  ['STANDARD_TECHNICAL_REVIEW', STANDARD_TECHNICAL_REVIEW, (yes, present) => 4 * yes >= 3 * present],
];

describe.each(MEETING_PRESETS)('%s', (name, rule, meets) => {
  const quorum = (n: number): number => smallest(n, (p) => 3 * p >= 2 * n) as number;
  const threshold = (present: number): number => Math.max(1, smallest(present, (k) => meets(k, present)) as number);

  it.each(SIZES)('electorate %p, everyone present: threshold − 1 YES fails, threshold YES passes', (n) => {
    const t = threshold(n);
    const electorate = electorateOf(n);
    const below = runMeeting(rule, electorate, n, t - 1);
    const at = runMeeting(rule, electorate, n, t);
    expect([name, n, below.quorumMet, below.required, below.passed]).toEqual([name, n, true, t, false]);
    expect([name, n, at.quorumMet, at.required, at.passed]).toEqual([name, n, true, t, true]);
  });

  it.each(SIZES)('electorate %p, exactly the quorum present: threshold − 1 fails, threshold passes; one fewer present has no quorum', (n) => {
    const q = quorum(n);
    const t = threshold(q);
    const electorate = electorateOf(n);
    const below = runMeeting(rule, electorate, q, t - 1);
    const at = runMeeting(rule, electorate, q, t);
    expect([name, n, at.quorumRequired, at.quorumMet, at.required, at.passed]).toEqual([name, n, q, true, t, true]);
    expect([name, n, below.quorumMet, below.passed]).toEqual([name, n, true, false]);

    // One short of quorum: fails even when every attendee votes YES.
    const inquorate = runMeeting(rule, electorate, q - 1, q - 1);
    expect([name, n, inquorate.quorumCount, inquorate.quorumMet, inquorate.passed]).toEqual([name, n, q - 1, false, false]);
  });

  it('sweeps every (electorate 0..30, present, YES) combination against the integer oracle', () => {
    for (let n = 0; n <= 30; n += 1) {
      const q = quorum(n);
      for (let present = 0; present <= n; present += 1) {
        for (let yes = 0; yes <= present; yes += 1) {
          const { no, abstain } = splitRest(present - yes);
          const outcome = evaluateBallot(rule, tallyCounts({ eligible: n, yes, no, abstain, present }));
          const quorumMet = present >= q;
          const passes = quorumMet && present > 0 && meets(yes, present);
          expect([n, present, yes, outcome.quorumRequired, outcome.quorumMet, outcome.required, outcome.passed]).toEqual([
            n,
            present,
            yes,
            q,
            quorumMet,
            threshold(present),
            passes,
          ]);
        }
      }
    }
  });

  it('zero electorate: quorum of 0 is met, nothing passes', () => {
    expect(runMeeting(rule, electorateOf(0), 0, 0)).toMatchObject({ quorumRequired: 0, quorumMet: true, base: 0, passed: false });
  });

  it('absent members do not count against: NO_RECORD outside the room leaves the base unchanged', () => {
    // 12 members, 8 present (quorum 8): the outcome depends on the 8 only.
    const electorate = electorateOf(12);
    const t = threshold(8);
    expect(runMeeting(rule, electorate, 8, t)).toMatchObject({ base: 8, noRecord: 12 - t - splitRest(8 - t).no - splitRest(8 - t).abstain, passed: true });
  });

  it('a member present without a ballot counts against (base is those present)', () => {
    const electorate = electorateOf(9);
    const t = threshold(9);
    // t YES and everyone else present but silent: passes; t−1 YES and one more silent: fails.
    const present = electorate.eligible;
    const yesBallots = (count: number): Ballot[] => present.slice(0, count).map((voterId): Ballot => ({ voterId, position: 'YES' }));
    expect(evaluateBallot(rule, countBallots(electorate, yesBallots(t), { present })).passed).toBe(true);
    expect(evaluateBallot(rule, countBallots(electorate, yesBallots(t - 1), { present })).passed).toBe(false);
  });
});

describe('Meeting examples by hand', () => {
  it('COUNCIL_ORDINARY, 15 members: quorum 10; of 10 present 6 carry and 5 do not', () => {
    const electorate = electorateOf(15);
    expect(runMeeting(COUNCIL_ORDINARY, electorate, 10, 6)).toMatchObject({ quorumRequired: 10, quorumMet: true, required: 6, passed: true });
    expect(runMeeting(COUNCIL_ORDINARY, electorate, 10, 5)).toMatchObject({ required: 6, passed: false });
    expect(runMeeting(COUNCIL_ORDINARY, electorate, 9, 9)).toMatchObject({ quorumMet: false, passed: false });
  });

  it('COUNCIL_SPECIAL, 15 members, 12 present: 8 carry, 7 do not', () => {
    const electorate = electorateOf(15);
    expect(runMeeting(COUNCIL_SPECIAL, electorate, 12, 8)).toMatchObject({ required: 8, passed: true });
    expect(runMeeting(COUNCIL_SPECIAL, electorate, 12, 7)).toMatchObject({ required: 8, passed: false });
  });

  it('STANDARD_TECHNICAL_REVIEW: a drafter excluded from a 9-member panel leaves 8; quorum 6; of 6 present, 5 pass and 4 fail', () => {
    const electorate = Electorate.snapshot({
      roll: voterIds(9, 'expert-'),
      exclusions: [{ voterId: 'expert-09', reason: 'DRAFTER' }],
      takenAt: TAKEN_AT,
    });
    expect(electorate.size).toBe(8);
    const present = electorate.eligible.slice(0, 6);
    const ballots = (yes: number): Ballot[] => present.map((voterId, index): Ballot => ({ voterId, position: index < yes ? 'YES' : 'NO' }));
    const pass = evaluateBallot(STANDARD_TECHNICAL_REVIEW, countBallots(electorate, ballots(5), { present: [...present, 'expert-09'] }));
    expect(pass).toMatchObject({ electorate: 8, present: 6, quorumRequired: 6, quorumMet: true, required: 5, passed: true });
    const fail = evaluateBallot(STANDARD_TECHNICAL_REVIEW, countBallots(electorate, ballots(4), { present }));
    expect(fail).toMatchObject({ required: 5, passed: false });
    // Without the exclusion the quorum would have been 6 of 9 as well, but 5 present would not do in either case.
    expect(runMeeting(STANDARD_TECHNICAL_REVIEW, electorate, 5, 5)).toMatchObject({ quorumMet: false, passed: false });
  });

  it('STANDARD_TECHNICAL_REVIEW: excluding drafters lowers the quorum (10 on the panel, 2 drafters → quorum 6, not 7)', () => {
    const roll = voterIds(10, 'expert-');
    const withDrafters = Electorate.snapshot({ roll, takenAt: TAKEN_AT });
    const withoutDrafters = Electorate.snapshot({
      roll,
      exclusions: [
        { voterId: 'expert-01', reason: 'DRAFTER' },
        { voterId: 'expert-02', reason: 'CONFLICT_OF_INTEREST', note: 'expert from a drafting unit' },
      ],
      takenAt: TAKEN_AT,
    });
    expect(runMeeting(STANDARD_TECHNICAL_REVIEW, withDrafters, 6, 6)).toMatchObject({ quorumRequired: 7, quorumMet: false, passed: false });
    expect(runMeeting(STANDARD_TECHNICAL_REVIEW, withoutDrafters, 6, 6)).toMatchObject({ quorumRequired: 6, quorumMet: true, passed: true });
  });

  it('a drafter cannot vote on their own standard', () => {
    const electorate = Electorate.snapshot({
      roll: ['expert-01', 'expert-02', 'expert-03'],
      exclusions: [{ voterId: 'expert-03', reason: 'DRAFTER' }],
      takenAt: TAKEN_AT,
    });
    expect(() => countBallots(electorate, [{ voterId: 'expert-03', position: 'YES' }], { present: ['expert-03'] })).toThrow(
      expect.objectContaining({ reason: 'VOTER_NOT_ELIGIBLE', exclusionReason: 'DRAFTER' }),
    );
  });

  it('COUNCIL_ORDINARY with a recusal: the recused member leaves both the quorum denominator and the room count', () => {
    // 9 members → quorum 6. Member 9 recuses: electorate 8 → quorum 6 (⌈16/3⌉); 6 others present.
    const electorate = electorateOf(9);
    const present = [...voterIds(6), 'unit-09'];
    const ballots: Ballot[] = [
      ...voterIds(4).map((voterId): Ballot => ({ voterId, position: 'YES' })),
      { voterId: 'unit-05', position: 'NO' },
      { voterId: 'unit-09', position: 'RECUSE' },
    ];
    const outcome = evaluateBallot(COUNCIL_ORDINARY, countBallots(electorate, ballots, { present }));
    expect(outcome).toMatchObject({ electorate: 8, present: 6, quorumRequired: 6, quorumMet: true, base: 6, required: 4, passed: true });
  });
});
