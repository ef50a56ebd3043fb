import { defineBallotRule, type BallotRule } from './ballot-rule';
import { defineSupportRule, type SupportRule } from './supporters';

/**
 * Convention amendment: adopted when at least 2/3 of ALL signatory units on the frozen roll agree,
 * not 2/3 of votes cast. Because the base is the whole electorate there is no separate quorum:
 * absent units simply count against.
 */
export const AMENDMENT_ADOPTION: BallotRule = defineBallotRule({
  name: 'AMENDMENT_ADOPTION',
  quorum: null,
  pass: { fraction: '2/3', of: 'ELECTORATE', comparison: 'GTE' },
  // "2/3 of all signatory units": a unit that recuses itself stays on the frozen roll.
  recusal: 'STAYS_IN_ELECTORATE',
});

/** An amendment proposal must be co-signed by at least 1/10 of signatory units, rounded up. */
export const AMENDMENT_COSIGNATURE: SupportRule = defineSupportRule({ name: 'AMENDMENT_COSIGNATURE', fraction: '1/10' });

/** Council meeting, ordinary item: quorum 2/3 of members present; carried by more than half of those present. */
export const COUNCIL_ORDINARY: BallotRule = defineBallotRule({
  name: 'COUNCIL_ORDINARY',
  quorum: { fraction: '2/3', of: 'ELECTORATE', basis: 'PRESENT' },
  pass: { fraction: '1/2', of: 'PRESENT', comparison: 'GT' },
});

/** Council meeting, item needing a two-thirds vote: quorum 2/3 present; carried by at least 2/3 of those present. */
export const COUNCIL_SPECIAL: BallotRule = defineBallotRule({
  name: 'COUNCIL_SPECIAL',
  quorum: { fraction: '2/3', of: 'ELECTORATE', basis: 'PRESENT' },
  pass: { fraction: '2/3', of: 'PRESENT', comparison: 'GTE' },
});

/**
 * Group-standard technical review: quorum 2/3 of the panel present; passed by at least 3/4 of those
 * present. Drafters and experts from drafting units are excluded from the electorate beforehand.
 */
export const STANDARD_TECHNICAL_REVIEW: BallotRule = defineBallotRule({
  name: 'STANDARD_TECHNICAL_REVIEW',
  quorum: { fraction: '2/3', of: 'ELECTORATE', basis: 'PRESENT' },
  pass: { fraction: '3/4', of: 'PRESENT', comparison: 'GTE' },
});

/** The ballot presets by name, for rules referenced by name in stored data. */
export const BALLOT_RULE_PRESETS: Readonly<Record<string, BallotRule>> = Object.freeze({
  AMENDMENT_ADOPTION,
  COUNCIL_ORDINARY,
  COUNCIL_SPECIAL,
  STANDARD_TECHNICAL_REVIEW,
});
