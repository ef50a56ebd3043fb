import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import type { ConnectionShape } from '@app/common';
import { todayInChina } from '@app/common';
import { OrganizationEntity } from '../organizations/entities/organization.entity';
import { PersonEntity } from '../people/entities/person.entity';
import {
  CertificateVerificationDTO,
  ChangeMembershipStatusInput,
  DuesInvoiceDTO,
  DuesPaymentResultDTO,
  DuesScheduleEntryDTO,
  DuesSweepReportDTO,
  MemberDirectoryArgs,
  MemberListingConnection,
  MemberListingDTO,
  MembershipChangeConnection,
  MembershipChangeDTO,
  MembershipChangesArgs,
  MembershipConnection,
  MembershipDTO,
  MembershipStatusChangeDTO,
  MembershipsArgs,
  RecordDuesPaymentInput,
  RecordExistingMembershipInput,
  SetDuesScheduleInput,
  WithdrawMembershipInput,
} from './dtos/membership.dto';
import type { MembershipEntity } from './entities/membership.entity';
import { MemberDirectoryService } from './member-directory.service';
import { MembershipsService } from './memberships.service';

export function toMembershipDTO(m: MembershipEntity, name?: string): MembershipDTO {
  return {
    id: m.id,
    associationId: m.associationId,
    kind: m.kind,
    organizationId: m.organizationId,
    personId: m.personId,
    name: name ?? m.organization?.name ?? m.person?.name ?? '',
    grade: m.grade,
    status: m.status,
    memberNumber: m.memberNumber,
    certificateNumber: m.certificateNumber,
    admittedOn: m.admittedOn,
    validUntil: m.validUntil,
    applicationId: m.applicationId,
    revision: m.revision,
  };
}

@Resolver(() => MembershipDTO)
export class MembershipsResolver {
  constructor(
    private readonly membershipsService: MembershipsService,
    private readonly directory: MemberDirectoryService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private async dto(m: MembershipEntity): Promise<MembershipDTO> {
    if (m.organization || m.person) return toMembershipDTO(m);
    const name = m.organizationId
      ? (await this.dataSource.getRepository(OrganizationEntity).findOneByOrFail({ id: m.organizationId })).name
      : (await this.dataSource.getRepository(PersonEntity).findOneByOrFail({ id: m.personId! })).name;
    return toMembershipDTO(m, name);
  }

  @Query(() => MembershipDTO, { description: 'One membership: secretariat, regulators, council members and the member itself.' })
  async membership(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The membership.' }) id: string): Promise<MembershipDTO> {
    return this.dto(await this.membershipsService.get(caller, id));
  }

  @Query(() => MembershipConnection, { description: "An association's memberships, oldest first; optionally one status only." })
  async memberships(@CurrentIdentity() caller: Identity | undefined, @Args() args: MembershipsArgs): Promise<ConnectionShape<MembershipDTO>> {
    const page = await this.membershipsService.list(caller, args.associationId, args, args.status);
    const nodes = page.nodes.map((m) => toMembershipDTO(m));
    return { ...page, nodes, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
  }

  @ResolveField(() => [MembershipStatusChangeDTO], { description: 'Dated status history, oldest first.' })
  async history(@Parent() membership: MembershipDTO): Promise<MembershipStatusChangeDTO[]> {
    return this.membershipsService.history(membership.id);
  }

  @ResolveField(() => [DuesInvoiceDTO], { description: 'Dues invoices, by year.' })
  async invoices(@Parent() membership: MembershipDTO): Promise<DuesInvoiceDTO[]> {
    return this.membershipsService.invoices(membership.id);
  }

  @Public()
  @Query(() => MemberListingConnection, { description: "Public member directory: units in good standing, public fields only, filterable by grade and field of work." })
  async memberDirectory(@Args() args: MemberDirectoryArgs): Promise<ConnectionShape<MemberListingDTO>> {
    const association = await this.directory.associationByCode(args.associationCode);
    return this.directory.units(association.id, args, { grade: args.grade, fieldOfWork: args.fieldOfWork });
  }

  @Query(() => MemberListingConnection, { description: "The member register (every unit membership, former ones too), public fields only. Anyone with read access, regulators included." })
  async memberRegister(@CurrentIdentity() caller: Identity | undefined, @Args() args: MemberDirectoryArgs): Promise<ConnectionShape<MemberListingDTO>> {
    return this.directory.register(caller, args.associationCode, args, { grade: args.grade, fieldOfWork: args.fieldOfWork });
  }

  @Query(() => MembershipChangeConnection, { description: 'Admissions, withdrawals, expulsions and reversals, by effective date. Read access (regulators included).' })
  async membershipChanges(@CurrentIdentity() caller: Identity | undefined, @Args() args: MembershipChangesArgs): Promise<ConnectionShape<MembershipChangeDTO>> {
    return this.directory.changes(caller, args.associationCode, args.from, args.to, args) as Promise<ConnectionShape<MembershipChangeDTO>>;
  }

  @Query(() => String, { description: 'The member directory as CSV text (UTF-8 with BOM, Chinese headers): units in good standing, public fields.' })
  async exportMemberDirectory(@CurrentIdentity() caller: Identity | undefined, @Args('associationId', { type: () => ID, description: 'The association.' }) associationId: string): Promise<string> {
    return this.directory.exportCsv(caller, associationId);
  }

  @Public()
  @Query(() => CertificateVerificationDTO, { nullable: true, description: 'Checks a membership certificate number: what the certificate shows, or null when no such certificate exists.' })
  async verifyCertificate(@Args('number', { description: 'Certificate number as printed.' }) number: string): Promise<CertificateVerificationDTO | null> {
    return this.directory.verifyCertificate(number.slice(0, 64));
  }

  @Query(() => [DuesScheduleEntryDTO], { description: "A year's dues per grade." })
  async duesSchedule(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('associationId', { type: () => ID, description: 'The association.' }) associationId: string,
    @Args('year', { type: () => Int, description: 'The year.' }) year: number,
  ): Promise<DuesScheduleEntryDTO[]> {
    return this.membershipsService.schedule(caller, associationId, year);
  }

  @Mutation(() => [DuesScheduleEntryDTO], { description: "Sets a year's dues per grade. Secretariat or admin." })
  async setDuesSchedule(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The schedule.' }) input: SetDuesScheduleInput): Promise<DuesScheduleEntryDTO[]> {
    return this.membershipsService.setDuesSchedule(caller, input);
  }

  @Mutation(() => DuesInvoiceDTO, { description: "Issues a membership's dues invoice for a year (renewal), at its grade's scheduled amount. Idempotent per year." })
  async issueDuesInvoice(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('membershipId', { type: () => ID, description: 'The membership.' }) membershipId: string,
    @Args('year', { type: () => Int, description: 'The dues year.' }) year: number,
  ): Promise<DuesInvoiceDTO> {
    return this.membershipsService.issueInvoiceFor(caller, membershipId, year);
  }

  @Mutation(() => DuesPaymentResultDTO, { description: 'Records a dues payment. Paying the admission invoice makes the membership ACTIVE with member and certificate numbers and opens the public notice.' })
  async recordDuesPayment(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The payment.' }) input: RecordDuesPaymentInput): Promise<DuesPaymentResultDTO> {
    const { invoice, membership } = await this.membershipsService.recordPayment(caller, input);
    return { invoice, membership: await this.dto(membership) };
  }

  @Mutation(() => MembershipDTO, { description: 'A secretariat decision moving a membership to another status (suspend, lift, expel, withdrawal), recorded in its history.' })
  async changeMembershipStatus(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The decision.' }) input: ChangeMembershipStatusInput): Promise<MembershipDTO> {
    return this.dto(await this.membershipsService.decideStatus(caller, input.membershipId, input.status, input));
  }

  @Mutation(() => MembershipDTO, { description: "Records a member's written notice of withdrawal. The member's representative or the secretariat." })
  async withdrawMembership(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The notice.' }) input: WithdrawMembershipInput): Promise<MembershipDTO> {
    return this.dto(await this.membershipsService.withdraw(caller, input.membershipId, input.noticeOn, input.reason));
  }

  @Mutation(() => MembershipDTO, { description: 'Records a unit that was already a member before the association used this system: ACTIVE with numbers at once. Secretariat or admin.' })
  async recordExistingMembership(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The membership.' }) input: RecordExistingMembershipInput): Promise<MembershipDTO> {
    return this.dto(await this.membershipsService.recordExisting(caller, { ...input, reason: '既有会员登记' }));
  }

  @Mutation(() => DuesSweepReportDTO, { description: 'Runs the dues sweep now for one association (it also runs nightly): ACTIVE → GRACE → LAPSED for unpaid dues. Admin.' })
  async runDuesSweep(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('associationId', { type: () => ID, description: 'The association.' }) associationId: string,
    @Args('asOf', { type: () => String, nullable: true, description: 'Judge as of this date (YYYY-MM-DD); today when left out.' }) asOf?: string | null,
  ): Promise<DuesSweepReportDTO> {
    const date = asOf ?? todayInChina();
    return { asOf: date, changed: await this.membershipsService.runSweep(caller, associationId, date) };
  }
}
