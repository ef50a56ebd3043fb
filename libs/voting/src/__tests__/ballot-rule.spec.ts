import {
  countBallots,
  defineBallotRule,
  evaluateBallot,
  Fraction,
  InvalidBallotRuleError,
  InvalidTallyError,
  tallyCounts,
  type BallotRule,
  type BallotRuleSpec,
  type PassBase,
  type Tally,
} from '@app/voting';
import { electorateOf, smallest } from './voting-test-helpers';

function rule(pass: BallotRuleSpec['pass'], quorum: BallotRuleSpec['quorum'] = null): BallotRule {
  return defineBallotRule({ name: 'TEST', quorum, pass });
}

const HALF_GT = rule({ fraction: '1/2', of: 'CAST', comparison: 'GT' });
const HALF_GTE = rule({ fraction: '1/2', of: 'CAST', comparison: 'GTE' });

describe('defineBallotRule', () => {
  it('normalises fractions and freezes the rule', () => {
    const defined = defineBallotRule({
      name: 'R',
      quorum: { fraction: '4/6', of: 'ELECTORATE', basis: 'PRESENT' },
      pass: { fraction: Fraction.of(6, 8), of: 'PRESENT', comparison: 'GTE' },
    });
    expect(defined.quorum?.fraction.toString()).toBe('2/3');
    expect(defined.pass.fraction.toString()).toBe('3/4');
    expect(Object.isFrozen(defined)).toBe(true);
    expect(Object.isFrozen(defined.quorum)).toBe(true);
    expect(Object.isFrozen(defined.pass)).toBe(true);
  });

  it('treats an omitted quorum as no quorum', () => {
    expect(defineBallotRule({ name: 'R', pass: { fraction: 1, of: 'ELECTORATE', comparison: 'GTE' } }).quorum).toBeNull();
  });

  it.each([
    ['0', 'GTE'],
    ['0/5', 'GT'],
    ['-1/2', 'GTE'],
    ['3/2', 'GTE'],
    ['2', 'GT'],
    ['1', 'GT'],
    ['1/0', 'GTE'],
    ['half', 'GTE'],
  ] as const)('rejects the pass fraction %p with %p', (fraction, comparison) => {
    expect(() => rule({ fraction, of: 'CAST', comparison })).toThrow(InvalidBallotRuleError);
  });

  it('accepts 1 with GTE (unanimity)', () => {
    expect(rule({ fraction: '1', of: 'CAST', comparison: 'GTE' }).pass.fraction.equals(1)).toBe(true);
  });

  it.each(['0', '5/4', 'x'])('rejects the quorum fraction %p', (fraction) => {
    expect(() => rule({ fraction: '1/2', of: 'CAST', comparison: 'GT' }, { fraction, of: 'ELECTORATE', basis: 'PRESENT' })).toThrow(
      InvalidBallotRuleError,
    );
  });

  it('rejects unknown enum values and an empty name', () => {
    const pass = { fraction: '1/2', of: 'CAST', comparison: 'GT' } as const;
    expect(() => rule({ ...pass, of: 'VOTES' as PassBase })).toThrow(/unknown pass base/);
    expect(() => rule({ ...pass, comparison: 'GE' as 'GTE' })).toThrow(/unknown comparison/);
    expect(() => rule(pass, { fraction: '2/3', of: 'ELECTORATE', basis: 'ONLINE' as 'PRESENT' })).toThrow(/unknown quorum basis/);
    expect(() => rule(pass, { fraction: '2/3', of: 'CAST' as 'ELECTORATE', basis: 'PRESENT' })).toThrow(/ELECTORATE/);
    expect(() => defineBallotRule({ name: ' ', pass })).toThrow(/needs a name/);
  });
});

describe('GT versus GTE at exact equality', () => {
  it('2 of 4 votes cast: "more than 1/2" fails, "at least 1/2" passes', () => {
    const tally = tallyCounts({ eligible: 4, yes: 2, no: 2, abstain: 0 });
    expect(evaluateBallot(HALF_GT, tally)).toMatchObject({ passed: false, required: 3, base: 4 });
    expect(evaluateBallot(HALF_GTE, tally)).toMatchObject({ passed: true, required: 2, base: 4 });
  });

  it.each([
    ['2/3', 6, 4],
    ['2/3', 9, 6],
    ['3/4', 8, 6],
    ['3/4', 4, 3],
    ['1/2', 10, 5],
    ['1/10', 20, 2],
  ])('%p of %p at exactly %p YES: GTE passes, GT fails, GT passes one higher', (fraction, base, yes) => {
    const gte = rule({ fraction, of: 'CAST', comparison: 'GTE' });
    const gt = rule({ fraction, of: 'CAST', comparison: 'GT' });
    expect(evaluateBallot(gte, tallyCounts({ eligible: base, yes, no: base - yes, abstain: 0 })).passed).toBe(true);
    expect(evaluateBallot(gt, tallyCounts({ eligible: base, yes, no: base - yes, abstain: 0 })).passed).toBe(false);
    expect(evaluateBallot(gt, tallyCounts({ eligible: base, yes: yes + 1, no: base - yes - 1, abstain: 0 })).passed).toBe(true);
    expect(evaluateBallot(gte, tallyCounts({ eligible: base, yes: yes - 1, no: base - yes + 1, abstain: 0 })).passed).toBe(false);
  });

  it('where the product is not an integer GT and GTE agree (1/2 of 5 → 3)', () => {
    const tally = (yes: number): Tally => tallyCounts({ eligible: 5, yes, no: 5 - yes, abstain: 0 });
    for (const defined of [HALF_GT, HALF_GTE]) {
      expect(evaluateBallot(defined, tally(2))).toMatchObject({ passed: false, required: 3 });
      expect(evaluateBallot(defined, tally(3))).toMatchObject({ passed: true, required: 3 });
    }
  });
});

describe('Pass bases', () => {
  // 10 eligible, 1 recused → electorate 9; 7 present; 3 YES, 2 NO, 1 ABSTAIN, 1 present without a ballot.
  const tally = tallyCounts({ eligible: 10, recuse: 1, yes: 3, no: 2, abstain: 1, present: 7 });

  it.each([
    ['CAST', 5, true],
    ['RETURNED', 6, true],
    ['PRESENT', 7, false],
    ['ELECTORATE', 9, false],
  ] as const)('1/2 (GTE) of %s uses base %p', (of, base, passed) => {
    const outcome = evaluateBallot(rule({ fraction: '1/2', of, comparison: 'GTE' }), tally);
    expect(outcome.base).toBe(base);
    expect(outcome.required).toBe(Math.ceil(base / 2));
    expect(outcome.passed).toBe(passed);
  });

  it('ABSTAIN counts against under RETURNED but not under CAST', () => {
    const abstainers = tallyCounts({ eligible: 5, yes: 2, no: 1, abstain: 2 });
    expect(evaluateBallot(rule({ fraction: '1/2', of: 'CAST', comparison: 'GT' }), abstainers).passed).toBe(true);
    expect(evaluateBallot(rule({ fraction: '1/2', of: 'RETURNED', comparison: 'GT' }), abstainers).passed).toBe(false);
  });

  it('PRESENT needs attendance', () => {
    const written = tallyCounts({ eligible: 5, yes: 3, no: 0, abstain: 0 });
    expect(() => evaluateBallot(rule({ fraction: '1/2', of: 'PRESENT', comparison: 'GT' }), written)).toThrow(InvalidTallyError);
    expect(() =>
      evaluateBallot(rule({ fraction: '1/2', of: 'CAST', comparison: 'GT' }, { fraction: '1/2', of: 'ELECTORATE', basis: 'PRESENT' }), written),
    ).toThrow(/no attendance was recorded/);
  });
});

describe('Zero base and zero electorate', () => {
  it.each(['CAST', 'RETURNED', 'PRESENT', 'ELECTORATE'] as const)('a base of 0 (%s) does not pass, with required 1', (of) => {
    for (const comparison of ['GT', 'GTE'] as const) {
      const defined = rule({ fraction: '1/2', of, comparison });
      const empty = evaluateBallot(defined, tallyCounts({ eligible: 0, yes: 0, no: 0, abstain: 0, present: 0 }));
      expect(empty).toMatchObject({ base: 0, required: 1, thresholdMet: false, passed: false });
      expect(empty.explanation).toContain('nothing to pass on');
    }
  });

  it('nobody voting on a non-empty electorate does not pass under CAST', () => {
    const outcome = evaluateBallot(HALF_GTE, tallyCounts({ eligible: 7, yes: 0, no: 0, abstain: 3 }));
    expect(outcome).toMatchObject({ base: 0, cast: 0, passed: false });
  });

  it('a zero electorate meets a quorum of 0 but still does not pass', () => {
    const defined = rule({ fraction: '1/2', of: 'PRESENT', comparison: 'GT' }, { fraction: '2/3', of: 'ELECTORATE', basis: 'PRESENT' });
    const outcome = evaluateBallot(defined, countBallots(electorateOf(0), [], { present: [] }));
    expect(outcome).toMatchObject({ electorate: 0, quorumRequired: 0, quorumMet: true, passed: false, required: 1 });
  });

  it('required is never 0 even for a tiny fraction on a small base', () => {
    const tiny = rule({ fraction: '1/1000', of: 'CAST', comparison: 'GTE' });
    expect(evaluateBallot(tiny, tallyCounts({ eligible: 3, yes: 0, no: 3, abstain: 0 }))).toMatchObject({ required: 1, passed: false });
    expect(evaluateBallot(tiny, tallyCounts({ eligible: 3, yes: 1, no: 2, abstain: 0 }))).toMatchObject({ required: 1, passed: true });
  });
});

describe('Quorum', () => {
  const meeting = rule({ fraction: '1/2', of: 'PRESENT', comparison: 'GT' }, { fraction: '2/3', of: 'ELECTORATE', basis: 'PRESENT' });

  it('is met exactly at ⌈2/3 × 9⌉ = 6 present and not at 5', () => {
    const atQuorum = evaluateBallot(meeting, tallyCounts({ eligible: 9, yes: 6, no: 0, abstain: 0, present: 6 }));
    const below = evaluateBallot(meeting, tallyCounts({ eligible: 9, yes: 5, no: 0, abstain: 0, present: 5 }));
    expect(atQuorum).toMatchObject({ quorumRequired: 6, quorumCount: 6, quorumMet: true, passed: true });
    expect(below).toMatchObject({ quorumRequired: 6, quorumCount: 5, quorumMet: false, thresholdMet: true, passed: false });
  });

  it('rounds up: ⌈2/3 × 10⌉ = 7, so 6 present is not enough', () => {
    expect(evaluateBallot(meeting, tallyCounts({ eligible: 10, yes: 6, no: 0, abstain: 0, present: 6 }))).toMatchObject({
      quorumRequired: 7,
      quorumMet: false,
      passed: false,
    });
    expect(evaluateBallot(meeting, tallyCounts({ eligible: 10, yes: 6, no: 0, abstain: 0, present: 7 }))).toMatchObject({
      quorumRequired: 7,
      quorumMet: true,
      passed: true,
    });
  });

  it('quorum boundary for every electorate 0..40 matches the smallest p with 3p ≥ 2n', () => {
    for (let n = 0; n <= 40; n += 1) {
      const q = smallest(n, (p) => 3 * p >= 2 * n) as number;
      for (let present = 0; present <= n; present += 1) {
        const outcome = evaluateBallot(meeting, tallyCounts({ eligible: n, yes: 0, no: 0, abstain: 0, present }));
        expect([n, present, outcome.quorumRequired, outcome.quorumMet]).toEqual([n, present, q, present >= q]);
      }
    }
  });

  it('with basis RETURNED counts ballots returned, not attendance', () => {
    const postal = rule({ fraction: '1/2', of: 'CAST', comparison: 'GT' }, { fraction: '1/2', of: 'ELECTORATE', basis: 'RETURNED' });
    // 10 voters: quorum ⌈5⌉ = 5 returned ballots, abstentions included.
    expect(evaluateBallot(postal, tallyCounts({ eligible: 10, yes: 3, no: 0, abstain: 1 }))).toMatchObject({
      quorumCount: 4,
      quorumRequired: 5,
      quorumMet: false,
      passed: false,
    });
    expect(evaluateBallot(postal, tallyCounts({ eligible: 10, yes: 3, no: 0, abstain: 2 }))).toMatchObject({
      quorumCount: 5,
      quorumMet: true,
      passed: true,
    });
  });

  it('recusals shrink the quorum denominator', () => {
    // 9 eligible, 3 recuse → electorate 6 → quorum 4.
    const outcome = evaluateBallot(meeting, tallyCounts({ eligible: 9, recuse: 3, yes: 3, no: 1, abstain: 0, present: 4 }));
    expect(outcome).toMatchObject({ electorate: 6, quorumRequired: 4, quorumMet: true, required: 3, passed: true });
  });

  it('a rule without quorum reports null quorum fields and quorumMet', () => {
    const outcome = evaluateBallot(rule({ fraction: '2/3', of: 'ELECTORATE', comparison: 'GTE' }), tallyCounts({ eligible: 3, yes: 2, no: 0, abstain: 0 }));
    expect(outcome).toMatchObject({ quorumRequired: null, quorumCount: null, quorumMet: true, passed: true });
  });
});

describe('evaluateBallot input checks and output', () => {
  it('rejects a hand-made tally whose fields contradict each other', () => {
    const good = tallyCounts({ eligible: 5, yes: 2, no: 1, abstain: 0, present: 4 });
    expect(() => evaluateBallot(HALF_GT, { ...good, cast: 4 })).toThrow(InvalidTallyError);
    expect(() => evaluateBallot(HALF_GT, { ...good, electorate: 6 })).toThrow(InvalidTallyError);
    expect(() => evaluateBallot(HALF_GT, { ...good, noRecord: 0 })).toThrow(InvalidTallyError);
    expect(() => evaluateBallot(HALF_GT, { ...good, present: 1 })).toThrow(InvalidTallyError);
    expect(() => evaluateBallot(HALF_GT, { ...good, yes: 9 })).toThrow(InvalidTallyError);
  });

  it('rejects a hand-made rule that breaks the rule constraints', () => {
    const broken: BallotRule = { name: 'BROKEN', quorum: null, pass: { fraction: Fraction.of(3, 2), of: 'CAST', comparison: 'GTE' }, recusal: 'LEAVES_ELECTORATE' };
    expect(() => evaluateBallot(broken, tallyCounts({ eligible: 2, yes: 2, no: 0, abstain: 0 }))).toThrow(InvalidBallotRuleError);
  });

  it('returns a frozen outcome carrying the tally counts', () => {
    const outcome = evaluateBallot(HALF_GT, tallyCounts({ eligible: 8, recuse: 1, yes: 3, no: 2, abstain: 1, present: 6 }));
    expect(Object.isFrozen(outcome)).toBe(true);
    expect(outcome).toEqual({
      rule: 'TEST',
      eligible: 8,
      electorate: 7,
      yes: 3,
      no: 2,
      abstain: 1,
      recuse: 1,
      noRecord: 1,
      present: 6,
      returned: 6,
      cast: 5,
      quorumMet: true,
      quorumRequired: null,
      quorumCount: null,
      base: 5,
      required: 3,
      thresholdMet: true,
      passed: true,
      explanation: expect.any(String),
    });
  });

  it('explains the decision in words with the numbers used', () => {
    const meeting = rule({ fraction: '1/2', of: 'PRESENT', comparison: 'GT' }, { fraction: '2/3', of: 'ELECTORATE', basis: 'PRESENT' });
    const passed = evaluateBallot(meeting, tallyCounts({ eligible: 10, recuse: 1, yes: 4, no: 2, abstain: 1, present: 7 }));
    expect(passed.explanation).toBe(
      'TEST: passed. Quorum met: 7 present, 6 needed (2/3 of 9 eligible after 1 recusal). ' +
        '4 YES, 4 needed (more than 1/2 of 7 present). Counts: YES 4, NO 2, ABSTAIN 1, RECUSE 1, NO_RECORD 2; present 7.',
    );

    const noQuorum = evaluateBallot(meeting, tallyCounts({ eligible: 9, yes: 5, no: 0, abstain: 0, present: 5 }));
    expect(noQuorum.explanation).toBe(
      'TEST: not passed. Quorum not met: 5 present, 6 needed (2/3 of 9 eligible). ' +
        '5 YES, 3 needed (more than 1/2 of 5 present). Counts: YES 5, NO 0, ABSTAIN 0, RECUSE 0, NO_RECORD 4; present 5.',
    );

    const whole = rule({ fraction: '2/3', of: 'ELECTORATE', comparison: 'GTE' });
    expect(evaluateBallot(whole, tallyCounts({ eligible: 25, yes: 16, no: 2, abstain: 0 })).explanation).toBe(
      'TEST: not passed. No separate quorum. 16 YES, 17 needed (at least 2/3 of the electorate of 25). ' +
        'Counts: YES 16, NO 2, ABSTAIN 0, RECUSE 0, NO_RECORD 7.',
    );
  });
});

describe('Exhaustive agreement of required, thresholdMet and the exact definition', () => {
  it.each([
    ['1/2', 'GT'],
    ['1/2', 'GTE'],
    ['2/3', 'GT'],
    ['2/3', 'GTE'],
    ['3/4', 'GTE'],
    ['3/5', 'GT'],
    ['1/10', 'GTE'],
    ['1', 'GTE'],
  ] as const)('%s with %s over every yes/no split of 0..30 ballots', (fraction, comparison) => {
    const [num, den] = fraction.includes('/') ? fraction.split('/').map(Number) : [Number(fraction), 1];
    const defined = rule({ fraction, of: 'CAST', comparison });
    const meets = (yes: number, base: number): boolean => (comparison === 'GTE' ? yes * den >= num * base : yes * den > num * base);
    for (let cast = 0; cast <= 30; cast += 1) {
      const threshold = Math.max(1, smallest(cast, (k) => meets(k, cast)) ?? cast + 1);
      for (let yes = 0; yes <= cast; yes += 1) {
        const outcome = evaluateBallot(defined, tallyCounts({ eligible: cast, yes, no: cast - yes, abstain: 0 }));
        expect([cast, yes, outcome.required, outcome.passed]).toEqual([cast, yes, threshold, cast > 0 && meets(yes, cast)]);
      }
    }
  });
});
