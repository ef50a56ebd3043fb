import { registerEnumType } from '@nestjs/graphql';
import { ActionOwner } from '../../lifecycle/standard-lifecycle';
import { PendingActionKind } from '../standards.service';

export enum WorkingGroupRole {
  CONVENER = 'CONVENER',
  EDITOR = 'EDITOR',
  DRAFTER = 'DRAFTER',
  EXPERT = 'EXPERT',
  SECRETARY = 'SECRETARY',
  OBSERVER = 'OBSERVER',
}
registerEnumType(WorkingGroupRole, {
  name: 'StandardWorkingGroupRole',
  description: 'Roles in a standard working group (工作组).',
  valuesMap: {
    CONVENER: { description: 'Convener (召集人): leads the group.' },
    EDITOR: { description: 'Editor: keeps the text.' },
    DRAFTER: { description: 'Drafter (起草人).' },
    EXPERT: { description: 'Expert advising the group.' },
    SECRETARY: { description: 'Secretary of the group.' },
    OBSERVER: { description: 'Observer without drafting duties.' },
  },
});

export enum CommentType {
  ge = 'ge',
  te = 'te',
  ed = 'ed',
}
registerEnumType(CommentType, {
  name: 'StandardCommentType',
  description: 'Type of comment in the ISO/IEC template.',
  valuesMap: { ge: { description: 'General.' }, te: { description: 'Technical.' }, ed: { description: 'Editorial.' } },
});

export enum Disposition {
  ACCEPTED = 'ACCEPTED',
  PARTLY_ACCEPTED = 'PARTLY_ACCEPTED',
  REJECTED = 'REJECTED',
  NOTED = 'NOTED',
}
registerEnumType(Disposition, {
  name: 'CommentDisposition',
  description: 'What the working group decided on a comment.',
  valuesMap: {
    ACCEPTED: { description: 'Accepted (采纳).' },
    PARTLY_ACCEPTED: { description: 'Partly accepted (部分采纳); needs the reason.' },
    REJECTED: { description: 'Rejected (不采纳); needs the reason.' },
    NOTED: { description: 'Noted without change; needs the reason.' },
  },
});

export enum CommenterKind {
  MEMBER = 'MEMBER',
  EXPERT = 'EXPERT',
  PUBLIC = 'PUBLIC',
}
registerEnumType(CommenterKind, {
  name: 'StandardCommenterKind',
  description: 'Who made a comment.',
  valuesMap: { MEMBER: { description: 'Someone with a role in the association.' }, EXPERT: { description: 'An expert of the association.' }, PUBLIC: { description: 'A member of the public (public consultations only).' } },
});

export enum BallotKind {
  PROJECT_REVIEW = 'PROJECT_REVIEW',
  TECHNICAL_REVIEW = 'TECHNICAL_REVIEW',
}
registerEnumType(BallotKind, {
  name: 'StandardBallotKind',
  description: 'Expert ballots on a standard.',
  valuesMap: {
    PROJECT_REVIEW: { description: 'Project review (立项评审): written ballot, quorum 2/3 returned, more than half YES.' },
    TECHNICAL_REVIEW: { description: 'Technical review (技术审查): quorum 2/3 of the panel present, at least 3/4 of those present YES; drafters excluded.' },
  },
});

export enum VotePosition {
  YES = 'YES',
  NO = 'NO',
  ABSTAIN = 'ABSTAIN',
  RECUSE = 'RECUSE',
}
registerEnumType(VotePosition, {
  name: 'StandardVotePosition',
  description: 'A vote on a standard ballot.',
  valuesMap: { YES: { description: 'In favour.' }, NO: { description: 'Against.' }, ABSTAIN: { description: 'Abstains (counts as present).' }, RECUSE: { description: 'Recuses: leaves the electorate of this ballot.' } },
});

export enum ExclusionKind {
  DRAFTER = 'DRAFTER',
  CONFLICT_OF_INTEREST = 'CONFLICT_OF_INTEREST',
}
registerEnumType(ExclusionKind, {
  name: 'StandardBallotExclusion',
  description: 'Why a panel member does not vote.',
  valuesMap: { DRAFTER: { description: 'A drafter, or from a drafting unit.' }, CONFLICT_OF_INTEREST: { description: 'Declared a conflict of interest with a unit concerned.' } },
});

export enum LicenceDeclaration {
  FREE_OF_CHARGE = 'FREE_OF_CHARGE',
  REASONABLE_AND_NON_DISCRIMINATORY = 'REASONABLE_AND_NON_DISCRIMINATORY',
  NOT_WILLING = 'NOT_WILLING',
}
registerEnumType(LicenceDeclaration, {
  name: 'PatentLicenceDeclaration',
  description: "The patent holder's licence declaration.",
  valuesMap: {
    FREE_OF_CHARGE: { description: 'Licences free of charge on reasonable, non-discriminatory terms.' },
    REASONABLE_AND_NON_DISCRIMINATORY: { description: 'Licences for a fee on reasonable, non-discriminatory terms.' },
    NOT_WILLING: { description: 'Not willing to license on those terms.' },
  },
});

export enum ActivityKind {
  PROMOTION = 'PROMOTION',
  SEMINAR = 'SEMINAR',
}
registerEnumType(ActivityKind, {
  name: 'StandardActivityKind',
  description: 'Activities held on a standard.',
  valuesMap: { PROMOTION: { description: 'Promotion and implementation training (宣贯).' }, SEMINAR: { description: 'Seminar or workshop (研讨会).' } },
});

registerEnumType(ActionOwner, {
  name: 'StandardActionOwner',
  description: 'Who owes the next action in a lifecycle state.',
  valuesMap: {
    OFFICE: { description: 'The standards office (STANDARDS_OFFICER, ADMIN).' },
    BALLOT: { description: 'The voters of the open ballot, then the office to close it.' },
    WORKING_GROUP: { description: "The working group's convener and editors." },
    NONE: { description: 'Nobody: a resting or final state.' },
  },
});

registerEnumType(PendingActionKind, {
  name: 'PendingStandardActionKind',
  description: 'What someone has to do next on a standard.',
  valuesMap: {
    SUBMIT_FOR_PROJECT_REVIEW: { description: 'Send the proposal to project review.' },
    OPEN_BALLOT: { description: 'Open the ballot of the current review.' },
    CAST_VOTE: { description: 'Vote on the open ballot.' },
    CLOSE_BALLOT: { description: 'Everyone voted: close the ballot.' },
    FORM_WORKING_GROUP: { description: 'Form the working group and start drafting.' },
    PREPARE_DRAFT: { description: 'Prepare the draft for comment with its explanatory note.' },
    CLOSE_CONSULTATION: { description: 'Move on to comment resolution once the period ends.' },
    DISPOSITION_COMMENTS: { description: 'Disposition the comments received.' },
    PUBLISH: { description: 'Publish with the approval document.' },
    CONCLUDE_REVIEW: { description: 'Conclude the periodic review: confirm, revise or withdraw.' },
    START_REVISION_PROJECT: { description: 'Propose the revision project that replaces the standard.' },
    RESUME_OR_TERMINATE: { description: 'Resume the paused standard or terminate it.' },
  },
});

export enum ClauseChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
}
registerEnumType(ClauseChangeKind, {
  name: 'StandardClauseChangeKind',
  description: 'How a clause differs between two drafts.',
  valuesMap: { ADDED: { description: 'Only in the later draft.' }, REMOVED: { description: 'Only in the earlier draft.' }, CHANGED: { description: 'In both, with a different title or text.' } },
});

export enum DiffLineKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  SAME = 'SAME',
}
registerEnumType(DiffLineKind, {
  name: 'StandardDiffLineKind',
  description: 'A line of a line diff.',
  valuesMap: { ADDED: { description: 'Added in the later draft.' }, REMOVED: { description: 'Removed from the earlier draft.' }, SAME: { description: 'Unchanged.' } },
});
