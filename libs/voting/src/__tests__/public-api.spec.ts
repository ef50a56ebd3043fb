import * as voting from '@app/voting';

describe('@app/voting public API', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(voting).sort()).toEqual(
      [
        'AMENDMENT_ADOPTION',
        'AMENDMENT_COSIGNATURE',
        'BALLOT_RULE_PRESETS',
        'COUNCIL_ORDINARY',
        'COUNCIL_SPECIAL',
        'Comparison',
        'DuplicateBallotError',
        'DuplicateVoterError',
        'Electorate',
        'ExclusionReason',
        'Fraction',
        'IneligibleVoterError',
        'InvalidBallotError',
        'InvalidBallotRuleError',
        'InvalidElectorateError',
        'InvalidFractionError',
        'InvalidNumberError',
        'InvalidTallyError',
        'PassBase',
        'Position',
        'QuorumBasis',
        'STANDARD_TECHNICAL_REVIEW',
        'TallyPosition',
        'VotingError',
        'countBallots',
        'defineBallotRule',
        'defineSupportRule',
        'evaluateBallot',
        'hasEnoughSupporters',
        'supportersRequired',
        'tallyCounts',
      ].sort(),
    );
  });

  it('offers the agreed enum values', () => {
    expect(Object.values(voting.Position)).toEqual(['YES', 'NO', 'ABSTAIN', 'RECUSE']);
    expect(Object.values(voting.TallyPosition)).toEqual(['YES', 'NO', 'ABSTAIN', 'RECUSE', 'NO_RECORD']);
    expect(Object.values(voting.QuorumBasis)).toEqual(['PRESENT', 'RETURNED']);
    expect(Object.values(voting.PassBase)).toEqual(['CAST', 'PRESENT', 'RETURNED', 'ELECTORATE']);
    expect(Object.values(voting.Comparison)).toEqual(['GTE', 'GT']);
  });
});
