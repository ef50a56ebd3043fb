import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import type { ConnectionShape } from '@app/common';
import { ConsultationsService } from './consultations.service';
import { StandardCommentConnection, StandardCommentDTO, toCommentDTO } from './dtos/consultation.dto';
import { ResolveStandardCommentInput, StandardCommentsArgs, SubmitStandardCommentInput } from './dtos/inputs';

@Resolver(() => StandardCommentDTO)
export class ConsultationsResolver {
  constructor(private readonly consultations: ConsultationsService) {}

  @Public()
  @Mutation(() => StandardCommentDTO, { description: 'Comments on a draft under consultation. Members and experts signed in; the public (no sign-in) on public consultations only, with name and contact.' })
  async submitStandardComment(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The comment.' }) input: SubmitStandardCommentInput): Promise<StandardCommentDTO> {
    return toCommentDTO(await this.consultations.submit(caller, input));
  }

  @Mutation(() => StandardCommentDTO, { description: 'Records the disposition of a comment (a reason whenever not accepted). Standards officers, admins, and the working group’s convener and editors.' })
  async resolveStandardComment(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The disposition.' }) input: ResolveStandardCommentInput): Promise<StandardCommentDTO> {
    return toCommentDTO(await this.consultations.resolve(caller, input.commentId, input.disposition, input.observation));
  }

  @Query(() => StandardCommentConnection, { description: 'Comments of a consultation, oldest first; contacts masked.' })
  async standardComments(@CurrentIdentity() caller: Identity | undefined, @Args() args: StandardCommentsArgs): Promise<ConnectionShape<StandardCommentDTO>> {
    const page = await this.consultations.list(caller, args.consultationId, args);
    const nodes = page.nodes.map(toCommentDTO);
    return { ...page, nodes, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
  }

  @Query(() => String, { description: 'The comment resolution table (征求意见汇总处理表) of a consultation as CSV, UTF-8 with BOM so Excel shows Chinese correctly. Office and working-group editors.' })
  async standardCommentResolutionTable(@CurrentIdentity() caller: Identity | undefined, @Args('consultationId', { type: () => ID, description: 'The consultation.' }) consultationId: string): Promise<string> {
    return this.consultations.resolutionTable(caller, consultationId);
  }
}
