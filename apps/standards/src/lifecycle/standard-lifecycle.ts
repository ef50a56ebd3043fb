/**
 * The group-standard lifecycle as data: each state with its ISO harmonized stage code, who owes the
 * next action, and the states it may move to. The same data is seeded into `standards.stage` and
 * `standards.stage_transition` by migration; the service enforces the stored table, and a test keeps
 * the two equal. TERMINATED and ON_HOLD are reachable from every state before publication; ON_HOLD
 * resumes only into the state it was paused in.
 */
export enum StandardState {
  PROPOSED = 'PROPOSED',
  PROJECT_REVIEW = 'PROJECT_REVIEW',
  APPROVED_PROJECT = 'APPROVED_PROJECT',
  DRAFTING = 'DRAFTING',
  PUBLIC_COMMENT = 'PUBLIC_COMMENT',
  COMMENT_RESOLUTION = 'COMMENT_RESOLUTION',
  TECHNICAL_REVIEW = 'TECHNICAL_REVIEW',
  APPROVAL_PENDING = 'APPROVAL_PENDING',
  PUBLISHED = 'PUBLISHED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  REVISION = 'REVISION',
  WITHDRAWN = 'WITHDRAWN',
  TERMINATED = 'TERMINATED',
  ON_HOLD = 'ON_HOLD',
}

/** Who owes the next action in a state. */
export enum ActionOwner {
  /** The standards office: STANDARDS_OFFICER or ADMIN. */
  OFFICE = 'OFFICE',
  /** The voters of the open ballot who have not voted yet (then the office, to close it). */
  BALLOT = 'BALLOT',
  /** The working group's convener and editors. */
  WORKING_GROUP = 'WORKING_GROUP',
  NONE = 'NONE',
}

export type TransitionKind = 'FORWARD' | 'BACK' | 'EXIT' | 'RESUME';

export interface StandardStageDefinition {
  state: StandardState;
  isoStageCode: string | null;
  actionOwner: ActionOwner;
  beforePublication: boolean;
  description: string;
  next: StandardState[];
}

const S = StandardState;
const PRE_PUBLICATION = [S.PROPOSED, S.PROJECT_REVIEW, S.APPROVED_PROJECT, S.DRAFTING, S.PUBLIC_COMMENT, S.COMMENT_RESOLUTION, S.TECHNICAL_REVIEW, S.APPROVAL_PENDING];
const EXITS = [S.TERMINATED, S.ON_HOLD];

export const STANDARD_LIFECYCLE: readonly StandardStageDefinition[] = [
  { state: S.PROPOSED, isoStageCode: '00.00', actionOwner: ActionOwner.OFFICE, beforePublication: true, description: 'A standard project is proposed.', next: [S.PROJECT_REVIEW, ...EXITS] },
  { state: S.PROJECT_REVIEW, isoStageCode: '10.20', actionOwner: ActionOwner.BALLOT, beforePublication: true, description: 'Experts ballot on the proposal.', next: [S.APPROVED_PROJECT, S.PROPOSED, ...EXITS] },
  { state: S.APPROVED_PROJECT, isoStageCode: '20.00', actionOwner: ActionOwner.OFFICE, beforePublication: true, description: 'Project approved (立项) with a project number and notice; the working group is formed.', next: [S.DRAFTING, ...EXITS] },
  { state: S.DRAFTING, isoStageCode: '20.20', actionOwner: ActionOwner.WORKING_GROUP, beforePublication: true, description: 'The working group drafts the text.', next: [S.PUBLIC_COMMENT, ...EXITS] },
  { state: S.PUBLIC_COMMENT, isoStageCode: '40.20', actionOwner: ActionOwner.OFFICE, beforePublication: true, description: 'The draft for comment (征求意见稿) with its explanatory note is open for at least 30 days.', next: [S.COMMENT_RESOLUTION, ...EXITS] },
  { state: S.COMMENT_RESOLUTION, isoStageCode: '40.60', actionOwner: ActionOwner.WORKING_GROUP, beforePublication: true, description: 'Every comment is dispositioned (征求意见汇总处理表).', next: [S.TECHNICAL_REVIEW, S.DRAFTING, ...EXITS] },
  { state: S.TECHNICAL_REVIEW, isoStageCode: '50.20', actionOwner: ActionOwner.BALLOT, beforePublication: true, description: 'The panel reviews the draft for approval (送审稿).', next: [S.APPROVAL_PENDING, S.DRAFTING, ...EXITS] },
  { state: S.APPROVAL_PENDING, isoStageCode: '50.60', actionOwner: ActionOwner.OFFICE, beforePublication: true, description: 'The draft for approval (报批稿) awaits the approval document.', next: [S.PUBLISHED, S.TECHNICAL_REVIEW, ...EXITS] },
  { state: S.PUBLISHED, isoStageCode: '60.60', actionOwner: ActionOwner.NONE, beforePublication: false, description: 'Published with its T/ code and dates.', next: [S.UNDER_REVIEW] },
  { state: S.UNDER_REVIEW, isoStageCode: '90.20', actionOwner: ActionOwner.OFFICE, beforePublication: false, description: 'Periodic review (复审): confirm, revise or withdraw.', next: [S.PUBLISHED, S.REVISION, S.WITHDRAWN] },
  { state: S.REVISION, isoStageCode: '90.92', actionOwner: ActionOwner.OFFICE, beforePublication: false, description: 'To be revised by a new project that replaces it; stays in force until then.', next: [S.WITHDRAWN] },
  { state: S.WITHDRAWN, isoStageCode: '95.99', actionOwner: ActionOwner.NONE, beforePublication: false, description: 'Withdrawn.', next: [] },
  { state: S.TERMINATED, isoStageCode: null, actionOwner: ActionOwner.NONE, beforePublication: false, description: 'Stopped before publication.', next: [] },
  { state: S.ON_HOLD, isoStageCode: null, actionOwner: ActionOwner.OFFICE, beforePublication: false, description: 'Paused before publication; resumes in the state it was paused in.', next: [...PRE_PUBLICATION, S.TERMINATED] },
];

/** The kind of a move, for the history and for guards: forward, a named back step, an exit, or resuming from hold. */
export function transitionKind(from: StandardState, to: StandardState): TransitionKind | null {
  const stage = STANDARD_LIFECYCLE.find((s) => s.state === from);
  if (!stage || !stage.next.includes(to)) return null;
  if (from === S.ON_HOLD) return to === S.TERMINATED ? 'EXIT' : 'RESUME';
  if (EXITS.includes(to)) return 'EXIT';
  const order = (state: StandardState) => STANDARD_LIFECYCLE.findIndex((s) => s.state === state);
  if (from === S.UNDER_REVIEW && to === S.PUBLISHED) return 'FORWARD'; // confirmed
  return order(to) > order(from) ? 'FORWARD' : 'BACK';
}

/** Draft label given to the current draft when a standard moves forward into a state. */
export const DRAFT_LABEL_ON_ENTRY: Partial<Record<StandardState, string>> = {
  [S.PUBLIC_COMMENT]: '征求意见稿',
  [S.TECHNICAL_REVIEW]: '送审稿',
  [S.APPROVAL_PENDING]: '报批稿',
  [S.PUBLISHED]: '发布稿',
};

export const WORKING_DRAFT_LABEL = '工作组讨论稿';
