/** Kinds of activity an association holds, with who may attend by default. */
export enum EventCategory {
  MEMBER_CONGRESS = 'MEMBER_CONGRESS',
  COUNCIL_MEETING = 'COUNCIL_MEETING',
  FORUM = 'FORUM',
  COMPETITION = 'COMPETITION',
  TRAINING = 'TRAINING',
  POLICY_BRIEFING = 'POLICY_BRIEFING',
  VISIT = 'VISIT',
  PUBLICITY_WEEK = 'PUBLICITY_WEEK',
}

export enum AudienceRule {
  MEMBERS_ONLY = 'MEMBERS_ONLY',
  COUNCIL_ONLY = 'COUNCIL_ONLY',
  PUBLIC = 'PUBLIC',
  /** Only the organizations invited by name. */
  INVITED = 'INVITED',
}

export interface EventCategoryDefinition {
  category: EventCategory;
  label: string;
  defaultAudience: AudienceRule;
  /** Whether agenda items are voted on under quorum rules. */
  decidesResolutions: boolean;
}

export const EVENT_CATEGORIES: readonly EventCategoryDefinition[] = [
  { category: EventCategory.MEMBER_CONGRESS, label: '会员大会', defaultAudience: AudienceRule.MEMBERS_ONLY, decidesResolutions: true },
  { category: EventCategory.COUNCIL_MEETING, label: '理事会会议', defaultAudience: AudienceRule.COUNCIL_ONLY, decidesResolutions: true },
  { category: EventCategory.FORUM, label: '论坛', defaultAudience: AudienceRule.PUBLIC, decidesResolutions: false },
  { category: EventCategory.COMPETITION, label: '竞赛', defaultAudience: AudienceRule.PUBLIC, decidesResolutions: false },
  { category: EventCategory.TRAINING, label: '培训', defaultAudience: AudienceRule.MEMBERS_ONLY, decidesResolutions: false },
  { category: EventCategory.POLICY_BRIEFING, label: '政策宣讲', defaultAudience: AudienceRule.MEMBERS_ONLY, decidesResolutions: false },
  { category: EventCategory.VISIT, label: '走访调研', defaultAudience: AudienceRule.MEMBERS_ONLY, decidesResolutions: false },
  { category: EventCategory.PUBLICITY_WEEK, label: '宣传周活动', defaultAudience: AudienceRule.PUBLIC, decidesResolutions: false },
];
