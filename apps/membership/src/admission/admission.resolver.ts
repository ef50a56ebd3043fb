import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import { AssociationPageArgs, PageArgs, type ConnectionShape } from '@app/common';
import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { AdmissionService } from './admission.service';
import {
  ApplicationCriterionDTO,
  AttachmentContentDTO,
  AttachmentDTO,
  DecideMembershipApplicationInput,
  DecideObjectionInput,
  LodgeObjectionInput,
  MembershipApplicationConnection,
  MembershipApplicationDTO,
  ObjectionDTO,
  ObjectionReceiptDTO,
  PublicNoticeConnection,
  PublicNoticeDTO,
  ReviewMembershipApplicationInput,
  SubmitMembershipApplicationInput,
} from './dtos/admission.dto';
import type { PublicNoticeEntity } from './entities/membership-application.entity';

@ArgsType()
export class PublicNoticesArgs extends PageArgs {
  @Field({ description: 'Short code of the association.' })
  @IsString()
  @Length(2, 16)
  associationCode: string;
}

@Resolver(() => MembershipApplicationDTO)
export class AdmissionResolver {
  constructor(private readonly admission: AdmissionService) {}

  @Mutation(() => MembershipApplicationDTO, { description: 'Submits an application for membership by a unit or an individual, with statements on the criteria and evidence files.' })
  async submitMembershipApplication(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The application.' }) input: SubmitMembershipApplicationInput): Promise<MembershipApplicationDTO> {
    return this.admission.submit(caller, input);
  }

  @Mutation(() => MembershipApplicationDTO, { description: 'Records the review of an application criterion by criterion (and a site visit). Secretariat or admin.' })
  async reviewMembershipApplication(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The findings.' }) input: ReviewMembershipApplicationInput): Promise<MembershipApplicationDTO> {
    return this.admission.review(caller, input);
  }

  @Mutation(() => MembershipApplicationDTO, { description: 'Approves (admission notice, PENDING membership, dues invoice) or rejects (with reasons) an application. Secretariat or admin.' })
  async decideMembershipApplication(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The decision.' }) input: DecideMembershipApplicationInput): Promise<MembershipApplicationDTO> {
    return this.admission.decide(caller, input);
  }

  @Query(() => MembershipApplicationDTO, { description: 'One application: the secretariat, or the account that submitted it.' })
  async membershipApplication(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The application.' }) id: string): Promise<MembershipApplicationDTO> {
    return this.admission.get(caller, id);
  }

  @Query(() => MembershipApplicationConnection, { description: "An association's applications, oldest first. Secretariat or admin." })
  async membershipApplications(@CurrentIdentity() caller: Identity | undefined, @Args() args: AssociationPageArgs): Promise<ConnectionShape<MembershipApplicationDTO>> {
    return this.admission.list(caller, args.associationId, args);
  }

  @ResolveField(() => [ApplicationCriterionDTO], { description: 'The six criteria with statements and findings.' })
  async criteria(@Parent() application: MembershipApplicationDTO): Promise<ApplicationCriterionDTO[]> {
    return this.admission.criteria(application.id);
  }

  @ResolveField(() => [AttachmentDTO], { description: 'Evidence files (metadata).' })
  async attachments(@Parent() application: MembershipApplicationDTO): Promise<AttachmentDTO[]> {
    return this.admission.attachments(application.id);
  }

  @Query(() => AttachmentContentDTO, { description: 'The content of an evidence file: the secretariat or the applicant only; every read is audited.' })
  async attachmentContent(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The attachment.' }) id: string): Promise<AttachmentContentDTO> {
    const { attachment, content } = await this.admission.download(caller, id);
    return { attachment, contentBase64: content.toString('base64') };
  }

  @Public()
  @Query(() => PublicNoticeConnection, { description: 'Public notices of admissions (公示) of an association, oldest first. No login needed.' })
  async publicNotices(@Args() args: PublicNoticesArgs): Promise<ConnectionShape<PublicNoticeDTO>> {
    const page = await this.admission.notices(args.associationCode, args);
    const toDTO = async (notice: PublicNoticeEntity): Promise<PublicNoticeDTO> => {
      const membership = await this.admission.noticeSubject(notice);
      return { id: notice.id, memberName: membership.organization?.name ?? membership.person?.name ?? '', grade: membership.grade, publishedOn: notice.publishedOn, objectionsUntil: notice.objectionsUntil, status: notice.status };
    };
    const nodes = await Promise.all(page.nodes.map(toDTO));
    return { ...page, nodes, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
  }

  @Public()
  @Mutation(() => ObjectionReceiptDTO, { description: 'Lodges an objection to an admission under public notice. Anyone, no login; only within the objection window.' })
  async lodgeObjection(@Args('input', { description: 'The objection.' }) input: LodgeObjectionInput): Promise<ObjectionReceiptDTO> {
    const objection = await this.admission.lodgeObjection(input);
    return { id: objection.id, receivedAt: objection.createdAt };
  }

  @Query(() => [ObjectionDTO], { description: 'Objections to a public notice. Secretariat or admin.' })
  async objections(@CurrentIdentity() caller: Identity | undefined, @Args('noticeId', { type: () => ID, description: 'The notice.' }) noticeId: string): Promise<ObjectionDTO[]> {
    return this.admission.objections(caller, noticeId);
  }

  @Mutation(() => ObjectionDTO, { description: 'Decides an objection; an upheld one reverses the admission. Secretariat or admin.' })
  async decideObjection(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The decision.' }) input: DecideObjectionInput): Promise<ObjectionDTO> {
    return this.admission.decideObjection(caller, input);
  }
}
