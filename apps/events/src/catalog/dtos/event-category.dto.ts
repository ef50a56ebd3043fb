import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AudienceRule, EventCategory } from '../event-category';

registerEnumType(EventCategory, {
  name: 'EventCategory',
  description: 'Kinds of activity an association holds.',
  valuesMap: {
    MEMBER_CONGRESS: { description: 'Member congress (会员大会).' },
    COUNCIL_MEETING: { description: 'Council meeting (理事会会议).' },
    FORUM: { description: 'Forum or conference.' },
    COMPETITION: { description: 'Competition.' },
    TRAINING: { description: 'Training, with attendance certificates.' },
    POLICY_BRIEFING: { description: 'Policy briefing.' },
    VISIT: { description: 'Visit to members or sites.' },
    PUBLICITY_WEEK: { description: 'Publicity-week activity.' },
  },
});

registerEnumType(AudienceRule, {
  name: 'AudienceRule',
  description: 'Who may register for an event.',
  valuesMap: {
    MEMBERS_ONLY: { description: 'Members of the association.' },
    COUNCIL_ONLY: { description: 'Council members only.' },
    PUBLIC: { description: 'Anyone.' },
    INVITED: { description: 'Only the organizations invited by name.' },
  },
});

@ObjectType({ description: 'A kind of event and its defaults.' })
export class EventCategoryInfo {
  @Field(() => EventCategory, { description: 'The category.' })
  category: EventCategory;

  @Field({ description: 'Its usual Chinese name.' })
  label: string;

  @Field(() => AudienceRule, { description: 'Who may attend unless the event says otherwise.' })
  defaultAudience: AudienceRule;

  @Field({ description: 'Whether agenda items are voted on under quorum rules.' })
  decidesResolutions: boolean;
}
