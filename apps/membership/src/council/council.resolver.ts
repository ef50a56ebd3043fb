import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import { CouncilService } from './council.service';
import {
  AppointOfficeInput,
  AssociationArgs,
  CouncilOfficeDTO,
  CouncilTermDTO,
  CreateCouncilTermInput,
  EndOfficeInput,
  OfficeHoldersArgs,
  OfficeHoldersDTO,
  ResolutionAppointmentDTO,
  ScheduleRotatingPresidentsInput,
  toCouncilOfficeDTO,
  toCouncilTermDTO,
  toResolutionAppointmentDTO,
} from './dtos/council.dto';

@Resolver(() => CouncilTermDTO)
export class CouncilResolver {
  constructor(private readonly council: CouncilService) {}

  @Public()
  @Query(() => OfficeHoldersDTO, { description: 'Who holds which council post on a date (the rotating president included). Public.' })
  async officeHolders(@Args() args: OfficeHoldersArgs): Promise<OfficeHoldersDTO> {
    return this.council.officeHolders(args.associationId, args.date);
  }

  @Query(() => CouncilTermDTO, { description: 'One council term with all its offices. Anyone with a role in the association.' })
  async councilTerm(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The council term.' }) id: string): Promise<CouncilTermDTO> {
    const { term, offices } = await this.council.getTerm(caller, id);
    return toCouncilTermDTO(term, offices);
  }

  @Query(() => [CouncilTermDTO], { description: "An association's council terms, newest first. Anyone with a role in the association." })
  async councilTerms(@CurrentIdentity() caller: Identity | undefined, @Args() args: AssociationArgs): Promise<CouncilTermDTO[]> {
    return (await this.council.listTerms(caller, args.associationId)).map(({ term, offices }) => toCouncilTermDTO(term, offices));
  }

  @Query(() => [ResolutionAppointmentDTO], { description: 'The latest 100 appointments received from adopted resolutions, with what became of each. Secretariat or admin.' })
  async resolutionAppointments(@CurrentIdentity() caller: Identity | undefined, @Args() args: AssociationArgs): Promise<ResolutionAppointmentDTO[]> {
    return (await this.council.listResolutionAppointments(caller, args.associationId)).map(toResolutionAppointmentDTO);
  }

  @Mutation(() => CouncilTermDTO, { description: 'Records a council term. Secretariat or admin.' })
  async createCouncilTerm(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The term.' }) input: CreateCouncilTermInput): Promise<CouncilTermDTO> {
    return toCouncilTermDTO(await this.council.createTerm(caller, input), []);
  }

  @Mutation(() => CouncilOfficeDTO, { description: 'Appoints a holder to a council post, enforcing the office rules. Secretariat or admin.' })
  async appointOffice(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The appointment.' }) input: AppointOfficeInput): Promise<CouncilOfficeDTO> {
    const { councilTermId, ...data } = input;
    return toCouncilOfficeDTO(await this.council.appoint(caller, councilTermId, data));
  }

  @Mutation(() => CouncilOfficeDTO, { description: 'Ends an office early; for a rotating president this is an early hand-over to the next period. Secretariat or admin.' })
  async endOffice(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The end.' }) input: EndOfficeInput): Promise<CouncilOfficeDTO> {
    return toCouncilOfficeDTO(await this.council.endOffice(caller, input.officeId, input.endsOn, input.reason));
  }

  @Mutation(() => [CouncilOfficeDTO], { description: 'Appends periods to the rotating-presidency schedule of a term, all or none. Secretariat or admin.' })
  async scheduleRotatingPresidents(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('input', { description: 'The periods.' }) input: ScheduleRotatingPresidentsInput,
  ): Promise<CouncilOfficeDTO[]> {
    return (await this.council.scheduleRotation(caller, input.councilTermId, input.periods)).map(toCouncilOfficeDTO);
  }
}
