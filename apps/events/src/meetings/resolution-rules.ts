import { COUNCIL_ORDINARY, COUNCIL_SPECIAL, Electorate, countBallots, evaluateBallot, type Ballot, type BallotOutcome, type BallotRule, type Position } from '@app/voting';

export enum AgendaItemKind {
  GENERAL = 'GENERAL',
  ELECTION = 'ELECTION',
  APPOINTMENT = 'APPOINTMENT',
  CHARTER = 'CHARTER',
  CONVENTION = 'CONVENTION',
}

export enum AgendaItemStatus {
  PENDING = 'PENDING',
  VOTING = 'VOTING',
  ADOPTED = 'ADOPTED',
  REJECTED = 'REJECTED',
}

/** Charter (章程) and convention (公约) matters need two thirds of those present; everything else a simple majority. */
export function ruleForKind(kind: AgendaItemKind): BallotRule {
  return kind === AgendaItemKind.CHARTER || kind === AgendaItemKind.CONVENTION ? COUNCIL_SPECIAL : COUNCIL_ORDINARY;
}

export const RULES_BY_NAME: Readonly<Record<string, BallotRule>> = { COUNCIL_ORDINARY, COUNCIL_SPECIAL };

/** The quorum alone (2/3 of the electorate present) for a roll and who is present. */
export function quorumStatus(rule: BallotRule, roll: readonly string[], present: readonly string[], at: Date): BallotOutcome {
  return decide(rule, roll, present, [], at);
}

/**
 * Counts the ballots against the electorate frozen when the vote opened, with attendance, and
 * applies the rule. Attendees not on the roll are ignored (observers); votes need attendance.
 */
export function decide(rule: BallotRule, roll: readonly string[], present: readonly string[], ballots: ReadonlyArray<{ voterId: string; position: Position }>, at: Date): BallotOutcome {
  const electorate = Electorate.snapshot({ roll, takenAt: at });
  const onRoll = [...new Set(present)].filter((id) => electorate.isOnRoll(id));
  const tally = countBallots(electorate, ballots as Ballot[], { present: onRoll });
  return evaluateBallot(rule, tally);
}

/** The result as the minutes state it. */
export function resultLabel(status: AgendaItemStatus): string | null {
  if (status === AgendaItemStatus.ADOPTED) return '审议通过';
  if (status === AgendaItemStatus.REJECTED) return '未通过';
  return null;
}
