import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity } from '@app/auth';
import { AddAgendaItemInput, AgendaItemDTO, CastMeetingVoteInput, MeetingMinutesDTO } from './dtos/meeting.dto';
import { MeetingsService } from './meetings.service';

@Resolver(() => AgendaItemDTO)
export class MeetingsResolver {
  constructor(private readonly meetings: MeetingsService) {}

  @Mutation(() => AgendaItemDTO, { description: 'Adds an item (议题) to a congress or council meeting agenda. EVENTS_OFFICER or ADMIN.' })
  addAgendaItem(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The item.' }) input: AddAgendaItemInput): Promise<AgendaItemDTO> {
    return this.meetings.addAgendaItem(caller, input);
  }

  @Mutation(() => AgendaItemDTO, { description: 'Opens the vote on an item, freezing the electorate; refused without a quorum. EVENTS_OFFICER or ADMIN.' })
  openAgendaItemVote(@CurrentIdentity() caller: Identity | undefined, @Args('agendaItemId', { type: () => ID, description: 'The item.' }) agendaItemId: string): Promise<AgendaItemDTO> {
    return this.meetings.openVote(caller, agendaItemId);
  }

  @Mutation(() => AgendaItemDTO, { description: 'Casts the vote of one attending seat: a COUNCIL_MEMBER for the seat its grant names (a MEMBER_REP for its unit at a congress), or events staff recording it.' })
  castMeetingVote(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The vote.' }) input: CastMeetingVoteInput): Promise<AgendaItemDTO> {
    return this.meetings.castVote(caller, input);
  }

  @Mutation(() => AgendaItemDTO, { description: 'Closes the vote and applies the rule: adopted (审议通过) or not (未通过). Adopted resolutions are published. EVENTS_OFFICER or ADMIN.' })
  closeAgendaItemVote(@CurrentIdentity() caller: Identity | undefined, @Args('agendaItemId', { type: () => ID, description: 'The item.' }) agendaItemId: string): Promise<AgendaItemDTO> {
    return this.meetings.closeVote(caller, agendaItemId);
  }

  @Query(() => [AgendaItemDTO], { description: 'The agenda of a meeting, in order.' })
  meetingAgenda(@CurrentIdentity() caller: Identity | undefined, @Args('eventId', { type: () => ID, description: 'The meeting.' }) eventId: string): Promise<AgendaItemDTO[]> {
    return this.meetings.agenda(caller, eventId);
  }

  @Query(() => MeetingMinutesDTO, { description: 'Minutes of a congress or council meeting: attendance, quorum, and every item with its vote counts and result.' })
  meetingMinutes(@CurrentIdentity() caller: Identity | undefined, @Args('eventId', { type: () => ID, description: 'The meeting.' }) eventId: string): Promise<MeetingMinutesDTO> {
    return this.meetings.minutes(caller, eventId);
  }
}
