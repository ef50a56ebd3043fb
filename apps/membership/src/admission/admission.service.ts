import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, STAFF_ROLES, isReadOnly, requireIdentity, requireRole, rolesIn } from '@app/auth';
import { ForbiddenError, NotFoundError, paginate, type ConnectionShape, type PageArgsInput, todayInChina } from '@app/common';
import type { MembershipGradeName } from '@app/messaging';
import { SERVICE_CONFIG } from '@app/subgraph';
import { AssociationEntity } from '../associations/entities/association.entity';
import { AuditService } from '../audit/audit.service';
import type { MembershipConfig } from '../config/membership.config';
import { MembershipEntity } from '../memberships/entities/membership.entity';
import { MembershipsService } from '../memberships/memberships.service';
import { admissionNoticeNumber, allocateNumbers } from '../memberships/numbering';
import { OrganizationsService, type OrganizationDetails } from '../organizations/organizations.service';
import { PeopleService, type PersonData } from '../people/people.service';
import { FileStorage, checkUpload } from '../storage/file-storage';
import {
  ADMISSION_CRITERIA,
  type AdmissionCriterionName,
  ApplicationCriterionEntity,
  AttachmentEntity,
  type CriterionResult,
  MembershipApplicationEntity,
  ObjectionEntity,
  PublicNoticeEntity,
} from './entities/membership-application.entity';
import {
  ApplicantDetailsRequiredError,
  ApplicationClosedError,
  CriteriaNotMetError,
  ObjectionAlreadyDecidedError,
  ObjectionWindowClosedError,
  RejectionReasonsRequiredError,
  SiteVisitRequiredError,
} from './admission.exception';

export interface UploadData {
  criterion?: AdmissionCriterionName | null;
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export interface SubmitApplicationData {
  associationId: string;
  kind: 'UNIT' | 'INDIVIDUAL';
  requestedGrade?: MembershipGradeName | null;
  branchOfOutsideCompany?: boolean | null;
  organization?: (OrganizationDetails & { name: string; creditCode: string }) | null;
  person?: PersonData | null;
  statements: Array<{ criterion: AdmissionCriterionName; statement: string }>;
  attachments?: UploadData[] | null;
}

export interface ReviewData {
  applicationId: string;
  criteria: Array<{ criterion: AdmissionCriterionName; result: Exclude<CriterionResult, 'UNREVIEWED'>; note?: string | null }>;
  siteVisit?: { visitedOn: string; result: 'MET' | 'NOT_MET'; note?: string | null } | null;
}

const OPEN_STATUSES = ['SUBMITTED', 'UNDER_REVIEW'];

@Injectable()
export class AdmissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: MembershipsService,
    private readonly organizations: OrganizationsService,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly storage: FileStorage,
    @Inject(SERVICE_CONFIG) private readonly config: MembershipConfig,
  ) {}

  /**
   * Applicants with an account in the association (a unit's representative, an individual) and the
   * secretariat entering a paper form may submit; regulators may not.
   */
  async submit(caller: Identity | undefined, data: SubmitApplicationData): Promise<MembershipApplicationEntity> {
    const identity = requireIdentity(caller);
    if (!identity.platformAdmin && (rolesIn(identity, data.associationId).length === 0 || isReadOnly(identity, data.associationId))) {
      throw new ForbiddenError('ROLE_REQUIRED', 'Applications are submitted by an account of the association (applicant or secretariat).');
    }
    if (data.kind === 'UNIT' && !data.organization) throw new ApplicantDetailsRequiredError('UNIT');
    if (data.kind === 'INDIVIDUAL' && !data.person) throw new ApplicantDetailsRequiredError('INDIVIDUAL');
    // Files are checked before anything is written; a bad file refuses the whole submission.
    const uploads = (data.attachments ?? []).map((a) => ({ criterion: a.criterion ?? null, ...checkUpload(a, this.config.ATTACHMENT_MAX_BYTES) }));
    const stored: string[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (!(await manager.existsBy(AssociationEntity, { id: data.associationId }))) throw new NotFoundError('Association', data.associationId);
        let organizationId: string | null = null;
        let personId: string | null = null;
        let applicantName: string;
        if (data.kind === 'UNIT') {
          const organization = await this.organizations.upsertForApplication(manager, data.associationId, data.organization!);
          organizationId = organization.id;
          applicantName = organization.name;
        } else {
          const person = await this.people.create(manager, identity, data.associationId, data.person!);
          personId = person.id;
          applicantName = person.name;
        }
        const application = await manager.save(
          manager.create(MembershipApplicationEntity, {
            associationId: data.associationId,
            kind: data.kind,
            organizationId,
            personId,
            applicantName,
            requestedGrade: data.requestedGrade ?? 'MEMBER',
            branchOfOutsideCompany: data.branchOfOutsideCompany ?? false,
            status: 'SUBMITTED',
            submittedBy: identity.accountId,
          }),
        );
        const statements = new Map(data.statements.map((s) => [s.criterion, s.statement.trim()]));
        await manager.insert(
          ApplicationCriterionEntity,
          ADMISSION_CRITERIA.map((criterion) => ({ associationId: data.associationId, applicationId: application.id, criterion, applicantStatement: statements.get(criterion) ?? null, result: 'UNREVIEWED' as const })),
        );
        for (const upload of uploads) {
          const key = `${data.associationId}/${application.id}/${randomUUID()}`;
          await this.storage.put(key, upload.content);
          stored.push(key);
          await manager.insert(AttachmentEntity, { associationId: data.associationId, applicationId: application.id, criterion: upload.criterion, fileName: upload.fileName, mimeType: upload.mimeType, sizeBytes: upload.sizeBytes, sha256: upload.sha256, storageKey: key, uploadedBy: identity.accountId });
        }
        await this.audit.record(manager, { associationId: data.associationId, actorAccountId: identity.accountId, action: 'application.submitted', subjectType: 'MembershipApplication', subjectId: application.id, details: { kind: data.kind, attachments: uploads.length } });
        return application;
      });
    } catch (error) {
      // The files of a rolled-back submission are removed again.
      await Promise.all(stored.map((key) => this.storage.delete(key).catch(() => undefined)));
      throw error;
    }
  }

  async review(caller: Identity | undefined, data: ReviewData): Promise<MembershipApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, data.applicationId);
      const actor = requireRole(caller, application.associationId, STAFF_ROLES);
      if (!OPEN_STATUSES.includes(application.status)) throw new ApplicationClosedError(application.status);
      for (const item of data.criteria) {
        await manager.update(ApplicationCriterionEntity, { applicationId: application.id, criterion: item.criterion }, { result: item.result, reviewerNote: item.note ?? null, reviewedBy: actor.accountId, reviewedAt: new Date() });
      }
      if (data.siteVisit) {
        application.siteVisitOn = data.siteVisit.visitedOn;
        application.siteVisitResult = data.siteVisit.result;
        application.siteVisitNote = data.siteVisit.note ?? null;
      }
      application.status = 'UNDER_REVIEW';
      const saved = await manager.save(application);
      await this.audit.record(manager, { associationId: application.associationId, actorAccountId: actor.accountId, action: 'application.reviewed', subjectType: 'MembershipApplication', subjectId: application.id, details: { criteria: data.criteria.map((c) => `${c.criterion}:${c.result}`), siteVisit: data.siteVisit?.result ?? null } });
      return saved;
    });
  }

  /**
   * Approve: every criterion must be reviewed and met (and a site visit found satisfactory for a
   * branch of an outside company); issues the admission notice, creates the PENDING membership and
   * its dues invoice. Reject: reasons the applicant can read.
   */
  async decide(caller: Identity | undefined, data: { applicationId: string; approve: boolean; reasons?: string | null; grade?: MembershipGradeName | null; invoiceYear?: number | null }): Promise<MembershipApplicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.lock(manager, data.applicationId);
      const actor = requireRole(caller, application.associationId, STAFF_ROLES);
      if (!OPEN_STATUSES.includes(application.status)) throw new ApplicationClosedError(application.status);
      const today = todayInChina();
      if (!data.approve) {
        if (!data.reasons?.trim()) throw new RejectionReasonsRequiredError();
        Object.assign(application, { status: 'REJECTED', rejectionReasons: data.reasons.trim(), decidedBy: actor.accountId, decidedAt: new Date() });
        const saved = await manager.save(application);
        await this.audit.record(manager, { associationId: application.associationId, actorAccountId: actor.accountId, action: 'application.rejected', subjectType: 'MembershipApplication', subjectId: application.id });
        return saved;
      }
      const criteria = await manager.find(ApplicationCriterionEntity, { where: { applicationId: application.id } });
      const open = criteria.filter((c) => c.result !== 'MET').map((c) => c.criterion);
      if (open.length > 0) throw new CriteriaNotMetError(open);
      if (application.branchOfOutsideCompany && application.siteVisitResult !== 'MET') throw new SiteVisitRequiredError();
      const association = await manager.findOneByOrFail(AssociationEntity, { id: application.associationId });
      const year = Number(today.slice(0, 4));
      application.admissionNoticeNumber = admissionNoticeNumber(association.shortCode, year, await allocateNumbers(manager, application.associationId, `admission-notice-${year}`));
      application.admissionNoticeOn = today;
      const membership = await this.memberships.createPending(manager, {
        associationId: application.associationId,
        kind: application.kind,
        organizationId: application.organizationId,
        personId: application.personId,
        grade: data.grade ?? application.requestedGrade,
        applicationId: application.id,
        decidedBy: actor.accountId,
        reason: `入会申请获批（入会通知书 ${application.admissionNoticeNumber}）`,
      });
      await this.memberships.issueInvoice(manager, membership, data.invoiceYear ?? year);
      Object.assign(application, { status: 'APPROVED', decidedBy: actor.accountId, decidedAt: new Date(), membershipId: membership.id });
      const saved = await manager.save(application);
      await this.audit.record(manager, { associationId: application.associationId, actorAccountId: actor.accountId, action: 'application.approved', subjectType: 'MembershipApplication', subjectId: application.id, details: { admissionNotice: application.admissionNoticeNumber } });
      return saved;
    });
  }

  async get(caller: Identity | undefined, id: string): Promise<MembershipApplicationEntity> {
    const application = await this.dataSource.getRepository(MembershipApplicationEntity).findOneBy({ id });
    if (!application) throw new NotFoundError('Membership application', id);
    this.requireApplicationReader(caller, application);
    return application;
  }

  async list(caller: Identity | undefined, associationId: string, page: PageArgsInput): Promise<ConnectionShape<MembershipApplicationEntity>> {
    requireRole(caller, associationId, STAFF_ROLES);
    const qb = this.dataSource.getRepository(MembershipApplicationEntity).createQueryBuilder('a').where('a.association_id = :associationId', { associationId });
    return paginate(qb, page, { createdAt: 'a.created_at', id: 'a.id' });
  }

  criteria(applicationId: string): Promise<ApplicationCriterionEntity[]> {
    return this.dataSource.getRepository(ApplicationCriterionEntity).find({ where: { applicationId } }).then((rows) => rows.sort((a, b) => ADMISSION_CRITERIA.indexOf(a.criterion) - ADMISSION_CRITERIA.indexOf(b.criterion)));
  }

  attachments(applicationId: string): Promise<AttachmentEntity[]> {
    return this.dataSource.getRepository(AttachmentEntity).find({ where: { applicationId }, order: { createdAt: 'ASC' } });
  }

  /** The file itself, to the secretariat or the applicant only; every download is audited. */
  async download(caller: Identity | undefined, attachmentId: string): Promise<{ attachment: AttachmentEntity; content: Buffer }> {
    const attachment = await this.dataSource.getRepository(AttachmentEntity).findOneBy({ id: attachmentId });
    if (!attachment) throw new NotFoundError('Attachment', attachmentId);
    const application = await this.dataSource.getRepository(MembershipApplicationEntity).findOneByOrFail({ id: attachment.applicationId });
    const identity = this.requireApplicationReader(caller, application);
    const content = await this.storage.get(attachment.storageKey);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, { associationId: attachment.associationId, actorAccountId: identity.accountId, action: 'attachment.downloaded', subjectType: 'Attachment', subjectId: attachment.id, details: { applicationId: application.id } }),
    );
    return { attachment, content };
  }

  /** The secretariat, and the account that submitted it (who must be able to read the reasons of a rejection). */
  requireApplicationReader(caller: Identity | undefined, application: MembershipApplicationEntity): Identity {
    const identity = requireIdentity(caller);
    if (identity.accountId === application.submittedBy) return identity;
    return requireRole(identity, application.associationId, STAFF_ROLES);
  }

  // ---------------------------------------------------------------- public notice and objections

  async notices(associationCode: string, page: PageArgsInput): Promise<ConnectionShape<PublicNoticeEntity>> {
    const association = await this.associationByCode(associationCode);
    const qb = this.dataSource.getRepository(PublicNoticeEntity).createQueryBuilder('n').where('n.association_id = :id', { id: association.id });
    return paginate(qb, page, { createdAt: 'n.created_at', id: 'n.id' });
  }

  /** Anyone may object during the window; contact details are optional and never shown publicly. */
  async lodgeObjection(data: { noticeId: string; grounds: string; objectorName?: string | null; objectorContact?: string | null }): Promise<ObjectionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const notice = await manager.findOneBy(PublicNoticeEntity, { id: data.noticeId });
      if (!notice) throw new NotFoundError('Public notice', data.noticeId);
      if (notice.status !== 'OPEN' || todayInChina() > notice.objectionsUntil) throw new ObjectionWindowClosedError(notice.objectionsUntil);
      return manager.save(manager.create(ObjectionEntity, { associationId: notice.associationId, noticeId: notice.id, grounds: data.grounds.trim(), objectorName: data.objectorName?.trim() || null, objectorContact: data.objectorContact?.trim() || null }));
    });
  }

  async objections(caller: Identity | undefined, noticeId: string): Promise<ObjectionEntity[]> {
    const notice = await this.dataSource.getRepository(PublicNoticeEntity).findOneBy({ id: noticeId });
    if (!notice) throw new NotFoundError('Public notice', noticeId);
    requireRole(caller, notice.associationId, STAFF_ROLES);
    return this.dataSource.getRepository(ObjectionEntity).find({ where: { noticeId }, order: { createdAt: 'ASC' } });
  }

  /** An upheld objection reverses the admission: the membership ends (NONE) and the notice is marked reversed. */
  async decideObjection(caller: Identity | undefined, data: { objectionId: string; upheld: boolean; note: string }): Promise<ObjectionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const objection = await manager.findOne(ObjectionEntity, { where: { id: data.objectionId }, lock: { mode: 'pessimistic_write' } });
      if (!objection) throw new NotFoundError('Objection', data.objectionId);
      const actor = requireRole(caller, objection.associationId, STAFF_ROLES);
      if (objection.status !== 'RECEIVED') throw new ObjectionAlreadyDecidedError();
      Object.assign(objection, { status: data.upheld ? 'UPHELD' : 'DISMISSED', decisionNote: data.note, decidedBy: actor.accountId, decidedAt: new Date() });
      const saved = await manager.save(objection);
      if (data.upheld) {
        const notice = await manager.findOneOrFail(PublicNoticeEntity, { where: { id: objection.noticeId }, lock: { mode: 'pessimistic_write' } });
        if (notice.status !== 'REVERSED') {
          notice.status = 'REVERSED';
          await manager.save(notice);
          const membership = await this.memberships.lock(manager, notice.membershipId);
          await this.memberships.applyStatusChange(manager, membership, 'NONE', { reason: `公示期异议成立，撤销入会：${data.note}`, decidedBy: actor.accountId, decisionReference: objection.id });
          if (notice.applicationId) await manager.query(`UPDATE membership.membership_application SET status = 'REVERSED', updated_at = now() WHERE id = $1`, [notice.applicationId]);
        }
      }
      await this.audit.record(manager, { associationId: objection.associationId, actorAccountId: actor.accountId, action: data.upheld ? 'objection.upheld' : 'objection.dismissed', subjectType: 'Objection', subjectId: objection.id });
      return saved;
    });
  }

  async noticeSubject(notice: PublicNoticeEntity): Promise<MembershipEntity> {
    return this.dataSource.getRepository(MembershipEntity).findOneOrFail({ where: { id: notice.membershipId }, relations: { organization: true, person: true } });
  }

  async associationByCode(code: string): Promise<AssociationEntity> {
    const association = await this.dataSource.getRepository(AssociationEntity).findOneBy({ shortCode: code });
    if (!association) throw new NotFoundError('Association', code);
    return association;
  }

  private async lock(manager: EntityManager, id: string): Promise<MembershipApplicationEntity> {
    const application = await manager.findOne(MembershipApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!application) throw new NotFoundError('Membership application', id);
    return application;
  }
}

