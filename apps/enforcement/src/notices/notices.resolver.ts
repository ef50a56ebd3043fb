import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity } from '@app/auth';
import type { ConnectionShape } from '@app/common';
import { SignatoryNoticeConnection, SignatoryNoticeDTO, SignatoryNoticesArgs, toSignatoryNoticeDTO } from './dtos/signatory-notice.dto';
import { NoticesService } from './notices.service';

@Resolver(() => SignatoryNoticeDTO)
export class NoticesResolver {
  constructor(private readonly notices: NoticesService) {}

  @Query(() => SignatoryNoticeConnection, { description: "A signatory unit's notices (e.g. adopted amendments), oldest first. The unit's representatives and the association's staff." })
  async signatoryNotices(@CurrentIdentity() caller: Identity | undefined, @Args() args: SignatoryNoticesArgs): Promise<ConnectionShape<SignatoryNoticeDTO>> {
    const page = await this.notices.list(caller, args.associationId, args.organizationId, args, args.unacknowledgedOnly ?? false);
    return { ...page, nodes: page.nodes.map(toSignatoryNoticeDTO), edges: page.edges.map((e) => ({ cursor: e.cursor, node: toSignatoryNoticeDTO(e.node) })) };
  }

  @Mutation(() => SignatoryNoticeDTO, { description: "Acknowledges a notice for the unit; acknowledging again changes nothing. The unit's representatives (or staff)." })
  async acknowledgeSignatoryNotice(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('id', { type: () => ID, description: 'The notice.' }) id: string,
  ): Promise<SignatoryNoticeDTO> {
    return toSignatoryNoticeDTO(await this.notices.acknowledge(caller, id));
  }
}
