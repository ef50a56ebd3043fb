export { Fraction, type FractionInput, type IntegerInput } from './fraction';
export { Electorate, ExclusionReason, type Exclusion, type ElectorateInput } from './electorate';
export {
  Position,
  TallyPosition,
  countBallots,
  tallyCounts,
  type Ballot,
  type Tally,
  type CountedTally,
  type TallyCounts,
  type CountOptions,
} from './tally';
export {
  QuorumBasis,
  PassBase,
  Comparison,
  defineBallotRule,
  evaluateBallot,
  type QuorumRule,
  type PassRule,
  type BallotRule,
  type BallotRuleSpec,
  type BallotOutcome,
} from './ballot-rule';
export { defineSupportRule, supportersRequired, hasEnoughSupporters, type SupportRule } from './supporters';
export { AMENDMENT_ADOPTION, AMENDMENT_COSIGNATURE, COUNCIL_ORDINARY, COUNCIL_SPECIAL, STANDARD_TECHNICAL_REVIEW, BALLOT_RULE_PRESETS } from './presets';
export {
  VotingError,
  InvalidFractionError,
  InvalidNumberError,
  DuplicateVoterError,
  InvalidElectorateError,
  IneligibleVoterError,
  DuplicateBallotError,
  InvalidBallotError,
  InvalidTallyError,
  InvalidBallotRuleError,
} from './voting-errors';
