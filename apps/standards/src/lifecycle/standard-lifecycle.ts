/**
 * The group-standard lifecycle as data: each state with its ISO harmonized stage code and the states
 * it may move to. TERMINATED and ON_HOLD are reachable from every state before publication.
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

export interface StandardStageDefinition {
  state: StandardState;
  isoStageCode: string | null;
  description: string;
  next: StandardState[];
}

const BEFORE_PUBLICATION_EXITS = [StandardState.TERMINATED, StandardState.ON_HOLD];

export const STANDARD_LIFECYCLE: readonly StandardStageDefinition[] = [
  { state: StandardState.PROPOSED, isoStageCode: '00.00', description: 'A standard project is proposed.', next: [StandardState.PROJECT_REVIEW, ...BEFORE_PUBLICATION_EXITS] },
  { state: StandardState.PROJECT_REVIEW, isoStageCode: '10.20', description: 'Experts ballot on the proposal.', next: [StandardState.APPROVED_PROJECT, StandardState.PROPOSED, ...BEFORE_PUBLICATION_EXITS] },
  { state: StandardState.APPROVED_PROJECT, isoStageCode: '20.00', description: 'Project approved (立项) with a project number and notice.', next: [StandardState.DRAFTING, ...BEFORE_PUBLICATION_EXITS] },
  { state: StandardState.DRAFTING, isoStageCode: '20.20', description: 'The working group drafts the text.', next: [StandardState.PUBLIC_COMMENT, ...BEFORE_PUBLICATION_EXITS] },
  { state: StandardState.PUBLIC_COMMENT, isoStageCode: '40.20', description: 'The draft for comment (征求意见稿) is open for at least 30 days.', next: [StandardState.COMMENT_RESOLUTION, ...BEFORE_PUBLICATION_EXITS] },
  { state: StandardState.COMMENT_RESOLUTION, isoStageCode: '40.60', description: 'Every comment is dispositioned.', next: [StandardState.TECHNICAL_REVIEW, StandardState.DRAFTING, ...BEFORE_PUBLICATION_EXITS] },
  { state: StandardState.TECHNICAL_REVIEW, isoStageCode: '50.20', description: 'The panel reviews the draft for approval (送审稿).', next: [StandardState.APPROVAL_PENDING, StandardState.DRAFTING, ...BEFORE_PUBLICATION_EXITS] },
  { state: StandardState.APPROVAL_PENDING, isoStageCode: '50.60', description: 'Awaiting approval for publication.', next: [StandardState.PUBLISHED, StandardState.TECHNICAL_REVIEW, ...BEFORE_PUBLICATION_EXITS] },
  { state: StandardState.PUBLISHED, isoStageCode: '60.60', description: 'Published with its T/ code and dates.', next: [StandardState.UNDER_REVIEW] },
  { state: StandardState.UNDER_REVIEW, isoStageCode: '90.20', description: 'Periodic review (复审).', next: [StandardState.PUBLISHED, StandardState.REVISION, StandardState.WITHDRAWN] },
  { state: StandardState.REVISION, isoStageCode: '90.92', description: 'To be revised: a new drafting round starts.', next: [StandardState.DRAFTING] },
  { state: StandardState.WITHDRAWN, isoStageCode: '95.99', description: 'Withdrawn.', next: [] },
  { state: StandardState.TERMINATED, isoStageCode: null, description: 'Stopped before publication.', next: [] },
  { state: StandardState.ON_HOLD, isoStageCode: null, description: 'Paused before publication; may resume where it stopped.', next: [] },
];
