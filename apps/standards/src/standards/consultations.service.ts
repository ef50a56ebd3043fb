import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Identity, Role, requireReadAccess, requireRole, rolesIn } from '@app/auth';
import { BadInputError, NotFoundError, paginate, todayInChina, type ConnectionShape, type PageArgsInput } from '@app/common';
import { StandardState } from '../lifecycle/standard-lifecycle';
import { commentResolutionTable } from './comment-table.csv';
import { CommentEntity, type CommentTypeName, type CommenterKindName, type DispositionName } from './entities/comment.entity';
import { ConsultationEntity } from './entities/consultation.entity';
import { StandardEntity } from './entities/standard.entity';
import { ParticipationService } from './participation.service';
import { ConsultationNotOpenError, DispositionReasonRequiredError, PublicCommentNotAllowedError } from './standards.exception';
import { OFFICE_ROLES } from './standards.service';

export interface CommentData {
  consultationId: string;
  clause: string;
  paragraph?: string | null;
  commentType: CommentTypeName;
  comment: string;
  proposedChange?: string | null;
  commenterName?: string | null;
  commenterOrganization?: string | null;
  contact?: string | null;
}

/** Consultations on drafts, comments in the ISO/IEC template, dispositions and the resolution table. */
@Injectable()
export class ConsultationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly participation: ParticipationService,
  ) {}

  async get(caller: Identity | undefined, id: string): Promise<ConsultationEntity> {
    const consultation = await this.dataSource.getRepository(ConsultationEntity).findOne({ where: { id } });
    if (!consultation) throw new NotFoundError('Consultation', id);
    if (!consultation.isPublic) requireReadAccess(caller, consultation.associationId);
    return consultation;
  }

  async ofStandard(standardId: string): Promise<ConsultationEntity[]> {
    return this.dataSource.getRepository(ConsultationEntity).find({ where: { standardId }, order: { createdAt: 'ASC' } });
  }

  /**
   * A comment from a member or expert (signed in, with a role in the association) or from the public
   * (anonymous, public consultations only, name and contact required). Only while the consultation
   * is open: from its opening date to its closing date inclusive.
   */
  async submit(caller: Identity | undefined, data: CommentData): Promise<CommentEntity> {
    const consultation = await this.dataSource.getRepository(ConsultationEntity).findOne({ where: { id: data.consultationId } });
    if (!consultation) throw new NotFoundError('Consultation', data.consultationId);
    const roles = rolesIn(caller, consultation.associationId);
    const insider = !!caller && (caller.platformAdmin || roles.length > 0);
    if (!insider && !consultation.isPublic) {
      // Do not reveal a members-only consultation to outsiders beyond "not for you".
      throw new PublicCommentNotAllowedError();
    }
    const today = todayInChina();
    const standard = await this.dataSource.getRepository(StandardEntity).findOneOrFail({ where: { id: consultation.standardId } });
    // A paused or stopped standard takes no comments even while its period runs.
    if (consultation.status !== 'OPEN' || today < consultation.opensOn || today > consultation.closesOn || standard.state !== StandardState.PUBLIC_COMMENT) {
      throw new ConsultationNotOpenError();
    }
    let kind: CommenterKindName = 'PUBLIC';
    if (insider) kind = roles.includes(Role.EXPERT) ? 'EXPERT' : 'MEMBER';
    const name = data.commenterName?.trim() || (insider ? caller!.email ?? `account ${caller!.accountId.slice(0, 8)}` : '');
    if (!name) throw new BadInputError('COMMENTER_NAME_REQUIRED', 'Public comments carry the commenter’s name.', { field: 'commenterName' });
    if (kind === 'PUBLIC' && !data.contact?.trim()) throw new BadInputError('CONTACT_REQUIRED', 'Public comments carry a phone number or e-mail so the working group can follow up.', { field: 'contact' });
    return this.dataSource.getRepository(CommentEntity).save({
      associationId: consultation.associationId,
      standardId: consultation.standardId,
      consultationId: consultation.id,
      commenterKind: kind,
      commenterAccountId: insider ? caller!.accountId : null,
      commenterName: name,
      commenterOrganization: data.commenterOrganization?.trim() || null,
      commenterContact: data.contact?.trim() || null,
      clause: data.clause.trim(),
      paragraph: data.paragraph?.trim() || null,
      commentType: data.commentType,
      comment: data.comment.trim(),
      proposedChange: data.proposedChange?.trim() || null,
    });
  }

  /** Disposition of a comment by the office or the working group's convener/editors; a reason whenever it is not accepted. */
  async resolve(caller: Identity | undefined, commentId: string, disposition: DispositionName, observation: string | null | undefined): Promise<CommentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const comment = await manager.findOne(CommentEntity, { where: { id: commentId }, lock: { mode: 'pessimistic_write' } });
      if (!comment) throw new NotFoundError('Comment', commentId);
      const identity = requireReadAccess(caller, comment.associationId);
      if (!(await this.participation.isEditor(identity.accountId, comment.standardId))) requireRole(caller, comment.associationId, OFFICE_ROLES);
      const standard = await manager.findOneOrFail(StandardEntity, { where: { id: comment.standardId } });
      if (standard.state !== StandardState.PUBLIC_COMMENT && standard.state !== StandardState.COMMENT_RESOLUTION) {
        throw new BadInputError('RESOLUTION_CLOSED', 'Comments are dispositioned during public comment or comment resolution only.');
      }
      const reason = observation?.trim() || null;
      if (disposition !== 'ACCEPTED' && !reason) throw new DispositionReasonRequiredError();
      comment.disposition = disposition;
      comment.observation = reason;
      comment.resolvedByAccountId = identity.accountId;
      comment.resolvedAt = new Date();
      return manager.save(comment);
    });
  }

  async list(caller: Identity | undefined, consultationId: string, page: PageArgsInput): Promise<ConnectionShape<CommentEntity>> {
    const consultation = await this.dataSource.getRepository(ConsultationEntity).findOne({ where: { id: consultationId } });
    if (!consultation) throw new NotFoundError('Consultation', consultationId);
    requireReadAccess(caller, consultation.associationId);
    const qb = this.dataSource.getRepository(CommentEntity).createQueryBuilder('c').where('c.consultation_id = :consultationId', { consultationId });
    return paginate(qb, page, { createdAt: 'c.created_at', id: 'c.id' });
  }

  /** 征求意见汇总处理表 of a consultation as CSV (UTF-8 with BOM). Office and working group. */
  async resolutionTable(caller: Identity | undefined, consultationId: string): Promise<string> {
    const consultation = await this.dataSource.getRepository(ConsultationEntity).findOne({ where: { id: consultationId } });
    if (!consultation) throw new NotFoundError('Consultation', consultationId);
    const identity = requireReadAccess(caller, consultation.associationId);
    if (!(await this.participation.isEditor(identity.accountId, consultation.standardId))) requireRole(caller, consultation.associationId, OFFICE_ROLES);
    const comments = await this.dataSource.getRepository(CommentEntity).find({ where: { consultationId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return commentResolutionTable(comments);
  }
}
