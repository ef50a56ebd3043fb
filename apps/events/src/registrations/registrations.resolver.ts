import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import type { ConnectionShape } from '@app/common';
import {
  AttendanceCertificateDTO,
  CheckInInput,
  DecideRegistrationInput,
  EventRegistrationsArgs,
  RecordAttendanceInput,
  RegisterForEventInput,
  RegistrationActionInput,
  RegistrationConnection,
  RegistrationDTO,
  RegistrationTicketDTO,
  RunRemindersArgs,
} from './dtos/registration.dto';
import { RegistrationsService } from './registrations.service';

@Resolver(() => RegistrationDTO)
export class RegistrationsResolver {
  constructor(private readonly registrations: RegistrationsService) {}

  @Public()
  @Mutation(() => RegistrationTicketDTO, {
    description: 'Registers for a published event: a free seat (pending approval where required) or the waitlist. Anyone for public events; members, council or invited units otherwise.',
  })
  registerForEvent(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The registration.' }) input: RegisterForEventInput): Promise<RegistrationTicketDTO> {
    return this.registrations.register(caller, input);
  }

  @Public()
  @Query(() => RegistrationDTO, { description: 'A registration as its registrant sees it (status, open seat offer and its deadline); registrant (account, unit or check-in token) or events staff.' })
  eventRegistration(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The registration.' }) input: RegistrationActionInput): Promise<RegistrationDTO> {
    return this.registrations.own(caller, input.registrationId, input.checkInToken);
  }

  @Public()
  @Mutation(() => RegistrationDTO, { description: 'Cancels a registration before the cut-off; a freed seat is offered to the waitlist. Registrant (account, unit or check-in token) or events staff.' })
  cancelRegistration(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The registration.' }) input: RegistrationActionInput): Promise<RegistrationDTO> {
    return this.registrations.cancel(caller, input.registrationId, input.checkInToken);
  }

  @Public()
  @Mutation(() => RegistrationDTO, { description: 'Accepts a seat offered from the waitlist before the offer lapses.' })
  acceptWaitlistOffer(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The registration.' }) input: RegistrationActionInput): Promise<RegistrationDTO> {
    return this.registrations.acceptOffer(caller, input.registrationId, input.checkInToken);
  }

  @Mutation(() => RegistrationDTO, { description: 'Approves or refuses a registration waiting for approval. EVENTS_OFFICER or ADMIN.' })
  decideRegistration(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The decision.' }) input: DecideRegistrationInput): Promise<RegistrationDTO> {
    return this.registrations.decide(caller, input.registrationId, input.approve);
  }

  @Mutation(() => RegistrationDTO, { description: 'Checks a confirmed registration in by its token (from the QR code), once. EVENTS_OFFICER or ADMIN.' })
  checkIn(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The token.' }) input: CheckInInput): Promise<RegistrationDTO> {
    return this.registrations.checkIn(caller, input.associationId, input.token);
  }

  @Mutation(() => RegistrationDTO, { description: 'Records attendance (present, by proxy where the event allows it, absent). EVENTS_OFFICER or ADMIN.' })
  recordAttendance(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The attendance.' }) input: RecordAttendanceInput): Promise<RegistrationDTO> {
    return this.registrations.recordAttendance(caller, input);
  }

  @Query(() => RegistrationConnection, { description: "An event's registrations, oldest first, contact data masked. Events staff see all; a unit's representative its own unit's." })
  eventRegistrations(@CurrentIdentity() caller: Identity | undefined, @Args() args: EventRegistrationsArgs): Promise<ConnectionShape<RegistrationDTO>> {
    return this.registrations.list(caller, args.eventId, args.status, args);
  }

  @Mutation(() => Int, { description: 'Issues attendance certificates to everyone recorded present at a training; returns how many were issued. EVENTS_OFFICER or ADMIN.' })
  issueAttendanceCertificates(@CurrentIdentity() caller: Identity | undefined, @Args('eventId', { type: () => ID, description: 'The training.' }) eventId: string): Promise<number> {
    return this.registrations.issueCertificates(caller, eventId);
  }

  @Public()
  @Query(() => AttendanceCertificateDTO, { nullable: true, description: 'Public check of an attendance certificate number; null when no such certificate exists.' })
  verifyAttendanceCertificate(@Args('certificateNumber', { description: 'The number printed on the certificate.' }) certificateNumber: string): Promise<AttendanceCertificateDTO | null> {
    return this.registrations.verifyCertificate(certificateNumber);
  }

  @Mutation(() => Int, { description: 'Runs the waitlist offer expiry now for the association (it also runs every minute); returns how many offers lapsed. EVENTS_OFFICER or ADMIN.' })
  runWaitlistOfferExpiry(@CurrentIdentity() caller: Identity | undefined, @Args('associationId', { type: () => ID, description: 'The association.' }) associationId: string): Promise<number> {
    return this.registrations.runOfferExpiry(caller, associationId);
  }

  @Mutation(() => Int, { description: 'Records reminders now for confirmed registrations of events starting soon (it also runs every 15 minutes); returns how many were new. EVENTS_OFFICER or ADMIN.' })
  runEventReminders(@CurrentIdentity() caller: Identity | undefined, @Args() args: RunRemindersArgs): Promise<number> {
    return this.registrations.runReminders(caller, args.associationId, args.withinHours);
  }
}
