import { addDays } from '@app/common';

/** Where a complaint stands. NOT_ADMITTED and CLOSED are final. */
export type ComplaintStageName = 'RECEIVED' | 'NOT_ADMITTED' | 'INVESTIGATION' | 'FINDING' | 'DECIDED' | 'CLOSED';
export type ComplaintSourceName = 'SIGNATORY' | 'PUBLIC' | 'REGULATOR' | 'EXECUTING_BODY';
export type ComplaintActionName = 'ADMIT' | 'NOT_ADMIT' | 'RECORD_FINDING' | 'DECIDE' | 'CLOSE';
export type FindingName = 'BREACH' | 'NO_BREACH';
export type DecisionName = 'SANCTION' | 'DISMISSAL';

export const COMPLAINT_STAGES: readonly ComplaintStageName[] = ['RECEIVED', 'NOT_ADMITTED', 'INVESTIGATION', 'FINDING', 'DECIDED', 'CLOSED'];

/** The one stage each action may start from, and where it leads. */
const TRANSITIONS: Record<ComplaintActionName, { from: ComplaintStageName; to: ComplaintStageName }> = {
  ADMIT: { from: 'RECEIVED', to: 'INVESTIGATION' },
  NOT_ADMIT: { from: 'RECEIVED', to: 'NOT_ADMITTED' },
  RECORD_FINDING: { from: 'INVESTIGATION', to: 'FINDING' },
  DECIDE: { from: 'FINDING', to: 'DECIDED' },
  CLOSE: { from: 'DECIDED', to: 'CLOSED' },
};

export class StageTransitionError extends Error {
  constructor(
    readonly stage: ComplaintStageName,
    readonly action: ComplaintActionName,
  ) {
    super(`A complaint at stage ${stage} cannot ${action.toLowerCase().replace(/_/g, ' ')}.`);
  }
}

/** The stage after `action`, or a StageTransitionError when the action does not apply at `stage`. */
export function nextStage(stage: ComplaintStageName, action: ComplaintActionName): ComplaintStageName {
  const transition = TRANSITIONS[action];
  if (transition.from !== stage) throw new StageTransitionError(stage, action);
  return transition.to;
}

export function isFinalStage(stage: ComplaintStageName): boolean {
  return stage === 'NOT_ADMITTED' || stage === 'CLOSED';
}

/** What a finding allows: a sanction only on a breach; a breach finding may still end in dismissal. */
export function allowedDecisions(finding: FindingName): DecisionName[] {
  return finding === 'BREACH' ? ['SANCTION', 'DISMISSAL'] : ['DISMISSAL'];
}

/** Working days are not modelled: deadlines are calendar days (the executing body's own rules). */
export interface StageDeadlines {
  /** Days to decide admissibility after receipt. */
  admissibilityDays: number;
  /** Days the investigation may take once admitted. */
  investigationDays: number;
  /** Days to decide once the finding is recorded. */
  decisionDays: number;
  /** Default days the respondent has to reply. */
  replyDays: number;
  /** Days the respondent has to appeal a decision. */
  appealDays: number;
}

export const DEFAULT_STAGE_DEADLINES: StageDeadlines = { admissibilityDays: 15, investigationDays: 60, decisionDays: 15, replyDays: 15, appealDays: 15 };

/** The date the stage entered on `enteredOn` must be left by; null for final stages. */
export function stageDueOn(stage: ComplaintStageName, enteredOn: string, deadlines: StageDeadlines = DEFAULT_STAGE_DEADLINES): string | null {
  switch (stage) {
    case 'RECEIVED':
      return addDays(enteredOn, deadlines.admissibilityDays);
    case 'INVESTIGATION':
      return addDays(enteredOn, deadlines.investigationDays);
    case 'FINDING':
      return addDays(enteredOn, deadlines.decisionDays);
    case 'DECIDED':
      return addDays(enteredOn, deadlines.appealDays);
    case 'NOT_ADMITTED':
    case 'CLOSED':
      return null;
  }
}

/** A stage is overdue the day after its due date. */
export function isOverdue(dueOn: string | null, today: string): boolean {
  return dueOn !== null && today > dueOn;
}

/**
 * The right of reply (陈述申辩): a finding may be recorded once the respondent has replied or the
 * reply deadline has passed.
 */
export function replyWindowOpen(replyDueOn: string | null, repliedAt: Date | null, today: string): boolean {
  return replyDueOn !== null && repliedAt === null && today <= replyDueOn;
}

/**
 * Article 18 of the model convention: criticism, condemnation and media exposure follow a breach;
 * an internal circular or revocation only when the breach is verified and caused adverse effects.
 * Media exposure is public by nature and an internal circular internal by nature.
 */
export type SanctionGrade = 'CRITICISM' | 'CONDEMNATION' | 'INTERNAL_CIRCULAR' | 'MEDIA_EXPOSURE' | 'REVOCATION';
export type PublicationScopeName = 'INTERNAL' | 'PUBLIC';

export function sanctionGradeProblem(grade: SanctionGrade, adverseImpact: boolean, scope: PublicationScopeName): string | null {
  if ((grade === 'INTERNAL_CIRCULAR' || grade === 'REVOCATION') && !adverseImpact) {
    return 'An internal circular or revocation needs a verified breach that caused adverse effects.';
  }
  if (grade === 'MEDIA_EXPOSURE' && scope !== 'PUBLIC') return 'Media exposure is published to the public.';
  if (grade === 'INTERNAL_CIRCULAR' && scope !== 'INTERNAL') return 'An internal circular is published inside the convention membership only.';
  return null;
}
