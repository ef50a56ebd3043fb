import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsString, IsUUID } from 'class-validator';
import { CurrentIdentity, type Identity, Public, canRead } from '@app/auth';
import { AssociationPageArgs, Connection, type ConnectionShape } from '@app/common';
import { BulletinsService } from './bulletins.service';
import { SignatoryBulletinDTO, SignatureEndReason } from './dtos/signature.dto';
import type { SignatoryBulletinEntity } from './entities/signatory-bulletin.entity';

@ArgsType()
export class PublishSignatoryBulletinArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field({ description: 'First day of the period (YYYY-MM-DD).' })
  @IsString()
  from: string;

  @Field({ description: 'Last day of the period (YYYY-MM-DD).' })
  @IsString()
  to: string;
}

export const SignatoryBulletinConnection = Connection(SignatoryBulletinDTO, 'SignatoryBulletin');

/** Why a unit left or rejoined is shown to readers of the association only: a revocation may have been published internally. */
function toDTO(b: SignatoryBulletinEntity, showReasons = true): SignatoryBulletinDTO {
  const entry = (e: SignatoryBulletinEntity['joined'][number]) => ({
    ...e,
    reason: showReasons ? (e.reason as SignatureEndReason | null) : null,
    restoresSignatureId: showReasons ? (e.restoresSignatureId ?? null) : null,
  });
  return { id: b.id, associationId: b.associationId, from: b.periodFrom, to: b.periodTo, joined: b.joined.map(entry), left: b.left.map(entry), publishedAt: b.publishedAt };
}

@Resolver(() => SignatoryBulletinDTO)
export class BulletinsResolver {
  constructor(private readonly bulletins: BulletinsService) {}

  @Public()
  @Query(() => SignatoryBulletinConnection, { description: 'Published join and leave bulletins (加入及退出名单), oldest publication first. Public; why a unit left is shown to readers of the association only.' })
  async signatoryBulletins(@CurrentIdentity() caller: Identity | undefined, @Args() args: AssociationPageArgs): Promise<ConnectionShape<SignatoryBulletinDTO>> {
    const page = await this.bulletins.list(args.associationId, args);
    const showReasons = canRead(caller, args.associationId);
    const nodes = page.nodes.map((b) => toDTO(b, showReasons));
    return { ...page, nodes, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
  }

  @Mutation(() => SignatoryBulletinDTO, { description: 'Publishes the join and leave bulletin of a period now (the monthly schedule does it for the previous month). Secretariat or admin.' })
  async publishSignatoryBulletin(@CurrentIdentity() caller: Identity | undefined, @Args() args: PublishSignatoryBulletinArgs): Promise<SignatoryBulletinDTO> {
    return toDTO(await this.bulletins.publishFor(caller, args.associationId, args.from, args.to));
  }
}
