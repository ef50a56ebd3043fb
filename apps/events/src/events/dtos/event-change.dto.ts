import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum EventChangeKind {
  UPDATED = 'UPDATED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EventChangeKind, {
  name: 'EventChangeKind',
  description: 'Kinds of change to an event.',
  valuesMap: {
    UPDATED: { description: 'Title, description, venue, times, capacity or cancellation cut-off changed.' },
    CANCELLED: { description: 'Called off; active registrations ended.' },
  },
});

@ObjectType('EventFieldChange', { description: 'One field of an event as it was and as it became.' })
export class EventFieldChangeDTO {
  @Field({ description: 'The field: title, description, venue, startsAt, endsAt, capacity, cancellationCutoffAt or status.' })
  field: string;

  @Field(() => String, { nullable: true, description: 'Value before (instants in ISO 8601); null when empty.' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'Value after (instants in ISO 8601); null when empty.' })
  after: string | null;
}

@ObjectType('EventChange', { description: 'One change to an event after creation, as recorded; history is append-only.' })
export class EventChangeDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The event.' })
  eventId: string;

  @Field(() => Int, { description: 'The revision of the event this change produced.' })
  revision: number;

  @Field(() => EventChangeKind, { description: 'What happened.' })
  kind: EventChangeKind;

  @Field(() => String, { nullable: true, description: 'Why, as given (optional for changes to a draft).' })
  reason: string | null;

  @Field(() => [EventFieldChangeDTO], { description: 'The fields changed, before and after.' })
  changes: EventFieldChangeDTO[];

  @Field(() => ID, { description: 'The account that made the change.' })
  actorAccountId: string;

  @Field({ description: 'When it was recorded.' })
  at: Date;
}
