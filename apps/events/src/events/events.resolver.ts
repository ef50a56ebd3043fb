import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import type { ConnectionShape } from '@app/common';
import { EventChangeDTO } from './dtos/event-change.dto';
import { AssociationEventsArgs, CancelEventArgs, CreateEventInput, EventChangesArgs, EventConnection, EventDTO, UpcomingEventsArgs, UpdateEventInput } from './dtos/event.dto';
import { EventChangesService } from './event-changes.service';
import { EventsService } from './events.service';

@Resolver(() => EventDTO)
export class EventsResolver {
  constructor(
    private readonly events: EventsService,
    private readonly changes: EventChangesService,
  ) {}

  @Mutation(() => EventDTO, { description: 'Creates an event as a draft, with organizers and schedule. EVENTS_OFFICER or ADMIN.' })
  createEvent(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The event.' }) input: CreateEventInput): Promise<EventDTO> {
    return this.events.create(caller, input);
  }

  @Mutation(() => EventDTO, { description: 'Publishes a draft: registration opens under its audience rule. EVENTS_OFFICER or ADMIN.' })
  publishEvent(@CurrentIdentity() caller: Identity | undefined, @Args('eventId', { type: () => ID, description: 'The event.' }) eventId: string): Promise<EventDTO> {
    return this.events.publish(caller, eventId);
  }

  @Mutation(() => EventDTO, {
    description:
      'Changes title, description, venue, times, capacity or cancellation cut-off, with a reason once published; a new start moves the sessions with it; lower capacity never below the seats held, new seats go to the waitlist. Not for cancelled or ended events. EVENTS_OFFICER or ADMIN.',
  })
  updateEvent(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The change.' }) input: UpdateEventInput): Promise<EventDTO> {
    return this.changes.update(caller, input);
  }

  @Mutation(() => EventDTO, {
    description: 'Calls off a draft or published event not yet ended and ends its active registrations; refused once attendance or meeting votes are recorded. EVENTS_OFFICER or ADMIN.',
  })
  cancelEvent(@CurrentIdentity() caller: Identity | undefined, @Args() args: CancelEventArgs): Promise<EventDTO> {
    return this.changes.cancel(caller, args.eventId, args.reason);
  }

  @Query(() => [EventChangeDTO], { description: 'Changes to an event since creation, oldest first, with reasons and fields before and after. EVENTS_OFFICER or ADMIN.' })
  eventChanges(@CurrentIdentity() caller: Identity | undefined, @Args() args: EventChangesArgs): Promise<EventChangeDTO[]> {
    return this.changes.history(caller, args.eventId);
  }

  @Public()
  @Query(() => EventDTO, { description: 'One event: published public events for anyone, others for roles in the association, drafts for events staff.' })
  event(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The event.' }) id: string): Promise<EventDTO> {
    return this.events.get(caller, id);
  }

  @Public()
  @Query(() => EventConnection, { description: 'Published events not yet over, soonest first. Public: anonymous callers see public events only.' })
  upcomingEvents(@CurrentIdentity() caller: Identity | undefined, @Args() args: UpcomingEventsArgs): Promise<ConnectionShape<EventDTO>> {
    return this.events.upcoming(caller, args.associationId, args);
  }

  @Query(() => [EventDTO], { description: 'Published public and member events overlapping a range of days, with organizers and attendance counts (for regulators). At most 500.' })
  associationEvents(@CurrentIdentity() caller: Identity | undefined, @Args() args: AssociationEventsArgs): Promise<EventDTO[]> {
    return this.events.inRange(caller, args.associationId, args.from, args.to);
  }
}
