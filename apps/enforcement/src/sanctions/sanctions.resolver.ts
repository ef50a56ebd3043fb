import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import { todayInChina } from '@app/common';
import { ComplaintsService } from '../complaints/complaints.service';
import { AppealDecisionInput, CommendationDTO, CommendInput, PublicationScope, RegisterArgs, ReviewAppealInput, SanctionDTO, SanctionGrade, SanctionStatus, SignatureRestoration } from './dtos/sanction.dto';
import type { CommendationEntity, SanctionEntity } from './entities/sanction.entity';
import { SanctionsService } from './sanctions.service';

@Resolver(() => SanctionDTO)
export class SanctionsResolver {
  constructor(
    private readonly service: SanctionsService,
    private readonly complaints: ComplaintsService,
  ) {}

  @Mutation(() => SanctionDTO, { description: "The sanctioned unit's MEMBER_REP appeals a sanction within its appeal window." })
  async appealDecision(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The appeal.' }) input: AppealDecisionInput): Promise<SanctionDTO> {
    return (await this.toDTOs([await this.service.appeal(caller, input.sanctionId, input.grounds)]))[0];
  }

  @Mutation(() => SanctionDTO, { description: 'Reviews an appeal: upheld, or overturned (the sanction leaves the registers; an overturned revocation restores the unit as a signatory from the review date unless it has signed again). Secretariat/admin.' })
  async reviewAppeal(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The review.' }) input: ReviewAppealInput): Promise<SanctionDTO> {
    return (await this.toDTOs([await this.service.reviewAppeal(caller, input.sanctionId, input.outcome, input.reason)]))[0];
  }

  @Mutation(() => CommendationDTO, { description: 'Commends a unit or person for exemplary practice under a convention (表彰). Secretariat/admin.' })
  async commend(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The commendation.' }) input: CommendInput): Promise<CommendationDTO> {
    const saved = await this.service.commend(caller, { ...input, organizationId: input.organizationId ?? null, personName: input.personName ?? null, basisArticles: input.basisArticles ?? [] });
    return (await this.commendationDTOs([saved]))[0];
  }

  @Query(() => SanctionDTO, { description: 'One sanction: staff, investigators, regulators and the sanctioned unit.' })
  async sanction(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The sanction.' }) id: string): Promise<SanctionDTO> {
    return (await this.toDTOs([await this.service.get(caller, id)]))[0];
  }

  @Query(() => [SanctionDTO], { description: 'Every sanction of an association, internal ones included, newest first (at most 500). Staff and regulators.' })
  async sanctions(@CurrentIdentity() caller: Identity | undefined, @Args() args: RegisterArgs): Promise<SanctionDTO[]> {
    return this.toDTOs(await this.service.list(caller, args.associationId));
  }

  @Public()
  @Query(() => [SanctionDTO], { description: 'The public sanction register: public sanctions during their publication period, not overturned.' })
  async sanctionRegister(@Args() args: RegisterArgs): Promise<SanctionDTO[]> {
    return this.toDTOs(await this.service.sanctionRegister(args.associationId, todayInChina()));
  }

  @Public()
  @Query(() => [CommendationDTO], { description: 'The public commendation register: public commendations during their publication period.' })
  async commendationRegister(@Args() args: RegisterArgs): Promise<CommendationDTO[]> {
    return this.commendationDTOs(await this.service.commendationRegister(args.associationId, todayInChina()));
  }

  private async toDTOs(list: SanctionEntity[]): Promise<SanctionDTO[]> {
    const [names, titles] = await Promise.all([this.complaints.organizationNames(list.map((s) => s.organizationId)), this.service.conventionTitles(list.map((s) => s.conventionId))]);
    return list.map((s) => ({
      id: s.id,
      associationId: s.associationId,
      complaintId: s.complaintId,
      conventionId: s.conventionId,
      conventionTitle: titles.get(s.conventionId) ?? '',
      organizationId: s.organizationId,
      organizationName: names.get(s.organizationId) ?? '',
      grade: s.grade as SanctionGrade,
      basisArticles: s.basisArticles,
      summary: s.summary,
      publicationScope: s.publicationScope as PublicationScope,
      publishedFrom: s.publishedFrom,
      publishedUntil: s.publishedUntil,
      decidedOn: s.decidedOn,
      appealDeadline: s.appealDeadline,
      status: s.status as SanctionStatus,
      appealReason: s.appealReason,
      appealDecidedOn: s.appealDecidedOn,
      signatureId: s.signatureId,
      signatureRestoration: s.signatureRestoration as SignatureRestoration | null,
      restoredSignatureId: s.restoredSignatureId,
    }));
  }

  private async commendationDTOs(list: CommendationEntity[]): Promise<CommendationDTO[]> {
    const names = await this.complaints.organizationNames(list.map((c) => c.organizationId).filter((id): id is string => !!id));
    return list.map((c) => ({
      id: c.id,
      associationId: c.associationId,
      conventionId: c.conventionId,
      organizationId: c.organizationId,
      organizationName: c.organizationId ? (names.get(c.organizationId) ?? null) : null,
      personName: c.personName,
      citation: c.citation,
      basisArticles: c.basisArticles,
      publicationScope: c.publicationScope as PublicationScope,
      publishedFrom: c.publishedFrom,
      publishedUntil: c.publishedUntil,
      decidedOn: c.decidedOn,
    }));
  }
}
