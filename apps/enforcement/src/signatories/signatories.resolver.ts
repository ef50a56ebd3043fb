import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentIdentity, type Identity, Public, canRead, requireReadAccess } from '@app/auth';
import { NotFoundError, type ConnectionShape, todayInChina } from '@app/common';
import { ConventionsService } from '../conventions/conventions.service';
import { OrganizationDirectoryEntryEntity } from '../organization-directory/entities/organization-directory-entry.entity';
import {
  ConventionSignaturesArgs,
  SignatoryBulletinArgs,
  SignatoryBulletinDTO,
  SignatureConnection,
  SignatureDTO,
  SignatureEndReason,
  SignConventionInput,
  SignerCapacity,
  WithdrawFromConventionInput,
  type BulletinEntryDTO,
} from './dtos/signature.dto';
import type { ConventionSignatureEntity } from './entities/convention-signature.entity';
import { SignatoriesService, type Bulletin, type BulletinEntry } from './signatories.service';

export function toBulletinEntryDTO(entry: BulletinEntry, side: 'JOINED' | 'LEFT'): BulletinEntryDTO {
  const s = entry.signature;
  return {
    signatureId: s.id,
    organizationId: s.organizationId,
    organizationName: entry.organizationName,
    conventionId: s.conventionId,
    conventionTitle: entry.conventionTitle,
    versionNumber: entry.versionNumber,
    date: side === 'JOINED' ? s.signedOn : s.endedOn!,
    reason: side === 'JOINED' ? null : (s.endReason as SignatureEndReason),
    restoresSignatureId: side === 'JOINED' ? s.restoresSignatureId : null,
  };
}

export function toBulletinDTO(bulletin: Bulletin, id: string | null = null, publishedAt: Date | null = null): SignatoryBulletinDTO {
  return {
    id,
    associationId: bulletin.associationId,
    from: bulletin.from,
    to: bulletin.to,
    joined: bulletin.joined.map((e) => toBulletinEntryDTO(e, 'JOINED')),
    left: bulletin.left.map((e) => toBulletinEntryDTO(e, 'LEFT')),
    publishedAt,
  };
}

@Resolver(() => SignatureDTO)
export class SignatoriesResolver {
  constructor(
    private readonly signatories: SignatoriesService,
    private readonly conventions: ConventionsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Mutation(() => SignatureDTO, {
    description: "A unit signs an adopted or effective convention version through its legal representative or a delegate with an authorisation. The unit's MEMBER_REP, or secretariat/admin recording a paper signature.",
  })
  async signConvention(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The signature.' }) input: SignConventionInput): Promise<SignatureDTO> {
    const signature = await this.signatories.sign(caller, input);
    return (await this.toDTOs(caller, [signature]))[0];
  }

  @Mutation(() => SignatureDTO, { description: "A unit withdraws from a convention by notice. The unit's MEMBER_REP, or secretariat/admin recording the notice." })
  async withdrawFromConvention(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The notice.' }) input: WithdrawFromConventionInput): Promise<SignatureDTO> {
    const signature = await this.signatories.withdraw(caller, input);
    return (await this.toDTOs(caller, [signature]))[0];
  }

  @Public()
  @Query(() => SignatureConnection, { description: "A convention's signatory list, oldest first (public fields for the public)." })
  async conventionSignatures(@CurrentIdentity() caller: Identity | undefined, @Args() args: ConventionSignaturesArgs): Promise<ConnectionShape<SignatureDTO>> {
    await this.conventions.getConvention(caller, args.conventionId); // the public sees signatories of conventions in effect only
    const page = await this.signatories.list(args.conventionId, args, args.inForceOn ?? null);
    const nodes = await this.toDTOs(caller, page.nodes);
    return { ...page, nodes, edges: page.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i] })) };
  }

  @Query(() => SignatureDTO, { description: 'One signature. Any role in the association.' })
  async conventionSignature(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The signature.' }) id: string): Promise<SignatureDTO> {
    const signature = await this.signatories.get(caller, id);
    requireReadAccess(caller, signature.associationId);
    return (await this.toDTOs(caller, [signature]))[0];
  }

  @Query(() => [SignatureDTO], { description: "An organization's signatures of this association's conventions, past and present. Any role in the association." })
  async organizationSignatures(@CurrentIdentity() caller: Identity | undefined, @Args('organizationId', { type: () => ID, description: 'The organization.' }) organizationId: string): Promise<SignatureDTO[]> {
    const organization = await this.dataSource.getRepository(OrganizationDirectoryEntryEntity).findOneBy({ organizationId });
    if (!organization) throw new NotFoundError('Organization', organizationId);
    requireReadAccess(caller, organization.associationId);
    return this.toDTOs(caller, await this.signatories.signaturesOfOrganization(organizationId));
  }

  @Query(() => SignatoryBulletinDTO, { description: 'The join and leave list of a period, both ends included, computed now. Any role in the association (regulators included).' })
  async signatoryBulletin(@CurrentIdentity() caller: Identity | undefined, @Args() args: SignatoryBulletinArgs): Promise<SignatoryBulletinDTO> {
    requireReadAccess(caller, args.associationId);
    return toBulletinDTO(await this.signatories.bulletin(args.associationId, args.from, args.to, args.conventionId ?? null));
  }

  private async toDTOs(caller: Identity | undefined, signatures: ConventionSignatureEntity[]): Promise<SignatureDTO[]> {
    if (signatures.length === 0) return [];
    const ids = [...new Set(signatures.map((s) => s.organizationId))];
    const orgs = await this.dataSource.getRepository(OrganizationDirectoryEntryEntity).createQueryBuilder('o').where('o.organization_id IN (:...ids)', { ids }).getMany();
    const names = new Map(orgs.map((o) => [o.organizationId, o.name]));
    const today = todayInChina();
    return signatures.map((s) => {
      if (!names.has(s.organizationId)) throw new NotFoundError('Organization', s.organizationId);
      const full = this.signatories.maySeeSigner(caller, s);
      const reader = canRead(caller, s.associationId);
      return {
        id: s.id,
        associationId: s.associationId,
        conventionId: s.conventionId,
        conventionVersionId: s.conventionVersionId,
        organizationId: s.organizationId,
        organizationName: names.get(s.organizationId)!,
        signedOn: s.signedOn,
        signerCapacity: full ? (s.signerCapacity as SignerCapacity) : null,
        signerName: full ? s.signerName : null,
        authorisationReference: full ? s.authorisationReference : null,
        // A revocation may have been published internally only: the public sees the end date, not why.
        endReason: reader ? (s.endReason as SignatureEndReason | null) : null,
        noticeOn: reader ? s.noticeOn : null,
        endedOn: s.endedOn,
        withdrawalEndsOn: reader ? s.withdrawalEndsOn : null,
        sanctionId: full ? s.sanctionId : null,
        restoresSignatureId: reader ? s.restoresSignatureId : null,
        inForce: s.signedOn <= today && (s.endedOn === null || s.endedOn > today),
        createdAt: s.createdAt,
      };
    });
  }
}
