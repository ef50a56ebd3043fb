import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActionOwner, StandardState } from '../standard-lifecycle';
import '../../standards/dtos/enums';

registerEnumType(StandardState, {
  name: 'StandardState',
  description: 'States of a group standard (团体标准) from proposal to withdrawal.',
  valuesMap: {
    PROPOSED: { description: 'Proposed [ISO 00.00].' },
    PROJECT_REVIEW: { description: 'Project under expert review [ISO 10.20].' },
    APPROVED_PROJECT: { description: 'Project approved, 立项 [ISO 20.00].' },
    DRAFTING: { description: 'Working draft [ISO 20.20].' },
    PUBLIC_COMMENT: { description: 'Open for public comment [ISO 40.20].' },
    COMMENT_RESOLUTION: { description: 'Comments being dispositioned [ISO 40.60].' },
    TECHNICAL_REVIEW: { description: 'Technical review by the panel [ISO 50.20].' },
    APPROVAL_PENDING: { description: 'Awaiting approval [ISO 50.60].' },
    PUBLISHED: { description: 'Published [ISO 60.60].' },
    UNDER_REVIEW: { description: 'Periodic review [ISO 90.20].' },
    REVISION: { description: 'To be revised [ISO 90.92].' },
    WITHDRAWN: { description: 'Withdrawn [ISO 95.99].' },
    TERMINATED: { description: 'Stopped before publication.' },
    ON_HOLD: { description: 'Paused before publication.' },
  },
});

@ObjectType({ description: 'One state of the group-standard lifecycle and where it may lead.' })
export class StandardStage {
  @Field(() => StandardState, { description: 'The state.' })
  state: StandardState;

  @Field(() => String, { nullable: true, description: 'ISO harmonized stage code kept beside the state, when it has one.' })
  isoStageCode: string | null;

  @Field(() => ActionOwner, { description: 'Who owes the next action in this state.' })
  actionOwner: ActionOwner;

  @Field({ description: 'Whether the state comes before publication (TERMINATED and ON_HOLD are reachable from it).' })
  beforePublication: boolean;

  @Field({ description: 'What happens in this state.' })
  description: string;

  @Field(() => [StandardState], { description: 'States this one may move to.' })
  next: StandardState[];
}
