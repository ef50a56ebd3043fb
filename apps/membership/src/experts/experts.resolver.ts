import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import type { ConnectionShape } from '@app/common';
import { AssociationArgs } from '../council/dtos/council.dto';
import {
  AppointExpertInput,
  CreateExpertBatchInput,
  DeclareExpertConflictInput,
  DrawExpertPanelInput,
  EndExpertAppointmentInput,
  ExpertBatchDTO,
  ExpertConnection,
  ExpertDTO,
  ExpertPageArgs,
  ExpertPanelDrawDTO,
} from './dtos/expert.dto';
import { ExpertsService } from './experts.service';

@Resolver(() => ExpertDTO)
export class ExpertsResolver {
  constructor(private readonly expertsService: ExpertsService) {}

  @Public()
  @Query(() => ExpertConnection, { description: "The association's expert pool, oldest appointment first. Public, without contacts; the secretariat sees masked contacts." })
  async experts(@CurrentIdentity() caller: Identity | undefined, @Args() args: ExpertPageArgs): Promise<ConnectionShape<ExpertDTO>> {
    return this.expertsService.list(caller, args.associationId, args, args.field);
  }

  @Public()
  @Query(() => ExpertDTO, { description: 'One expert. Public without contacts; the secretariat sees full contacts (the read is audited).' })
  async expert(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The expert.' }) id: string): Promise<ExpertDTO> {
    return this.expertsService.get(caller, id);
  }

  @Public()
  @Query(() => [ExpertBatchDTO], { description: "The association's expert batches in order. Public." })
  async expertBatches(@Args() args: AssociationArgs): Promise<ExpertBatchDTO[]> {
    return this.expertsService.listBatches(args.associationId);
  }

  @Query(() => [ExpertPanelDrawDTO], { description: 'The latest 100 panel draws with their audit data. Secretariat or admin.' })
  async expertPanelDraws(@CurrentIdentity() caller: Identity | undefined, @Args() args: AssociationArgs): Promise<ExpertPanelDrawDTO[]> {
    return this.expertsService.listDraws(caller, args.associationId, false);
  }

  @Query(() => [ExpertPanelDrawDTO], { description: 'The panel draws the calling expert was drawn in. EXPERT role.' })
  async myExpertPanelDraws(@CurrentIdentity() caller: Identity | undefined, @Args() args: AssociationArgs): Promise<ExpertPanelDrawDTO[]> {
    return this.expertsService.listDraws(caller, args.associationId, true);
  }

  @Mutation(() => ExpertBatchDTO, { description: 'Records a batch of the expert pool. Secretariat or admin.' })
  async createExpertBatch(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The batch.' }) input: CreateExpertBatchInput): Promise<ExpertBatchDTO> {
    return this.expertsService.createBatch(caller, input);
  }

  @Mutation(() => ExpertDTO, { description: 'Appoints an expert in a batch, with fields, letter and declared conflicts. Secretariat or admin.' })
  async appointExpert(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The expert.' }) input: AppointExpertInput): Promise<ExpertDTO> {
    return this.expertsService.appoint(caller, input);
  }

  @Mutation(() => ExpertDTO, { description: 'Records a conflict of interest an expert declared. Secretariat or admin.' })
  async declareExpertConflict(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The conflict.' }) input: DeclareExpertConflictInput): Promise<ExpertDTO> {
    return this.expertsService.declareConflict(caller, input.expertId, input.organizationId, input.reason);
  }

  @Mutation(() => ExpertDTO, { description: "Ends an expert's appointment early. Secretariat or admin." })
  async endExpertAppointment(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The end.' }) input: EndExpertAppointmentInput): Promise<ExpertDTO> {
    return this.expertsService.end(caller, input.expertId, input.endedOn, input.reason);
  }

  @Mutation(() => ExpertPanelDrawDTO, {
    description: 'Draws a panel at random (CSPRNG seed) among experts in office, in the field and without a conflict with the organizations judged; the draw is recorded. Secretariat or admin.',
  })
  async drawExpertPanel(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The draw.' }) input: DrawExpertPanelInput): Promise<ExpertPanelDrawDTO> {
    return this.expertsService.drawPanel(caller, input);
  }
}
