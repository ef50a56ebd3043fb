import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Identity, STAFF_ROLES, requireRole } from '@app/auth';
import { ForbiddenError, NotFoundError, currentRequestContext, paginate, type ConnectionShape, type PageArgsInput, isIsoDate, todayInChina } from '@app/common';
import { actsForOrganization } from '../common/acting-for';
import { InvalidDateError } from '../conventions/conventions.exception';
import { ConventionArticleEntity } from '../conventions/entities/convention-text.entity';
import { ConventionVersionEntity } from '../conventions/entities/convention-version.entity';
import { OrganizationDirectoryEntryEntity } from '../organization-directory/entities/organization-directory-entry.entity';
import { UnknownOrganizationError } from '../signatories/signatories.exception';
import { ConventionFeedbackEntity, ConventionFeedbackOpinionEntity, type RespondentKindName } from './entities/convention-feedback.entity';
import {
  ContactRequiredError,
  EmptyFeedbackError,
  FeedbackArticleNotFoundError,
  NotOpenForFeedbackError,
  OpinionOutsideDraftsError,
  SealRequiredError,
  SignatureRequiredError,
} from './feedback.exception';

export interface SubmitFeedbackData {
  associationId: string;
  respondentKind: RespondentKindName;
  organizationId?: string | null;
  respondentName: string;
  contactName: string;
  contactPosition?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  versionIds: string[];
  opinions: Array<{ versionId: string; articleNumber: number; opinion: string; proposedWording?: string | null }>;
  otherSuggestions?: string | null;
  signed: boolean;
  sealed: boolean;
  submittedOn?: string | null;
}

export interface ArticleFeedbackSummary {
  article: ConventionArticleEntity;
  opinions: Array<{ opinion: ConventionFeedbackOpinionEntity; feedback: ConventionFeedbackEntity }>;
}

export interface FeedbackSummary {
  version: ConventionVersionEntity;
  responses: number;
  articles: ArticleFeedbackSummary[];
  otherSuggestions: Array<{ feedback: ConventionFeedbackEntity; text: string }>;
}

@Injectable()
export class FeedbackService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A unit or an individual returns the feedback form on drafts. Anyone may (the form is public);
   * naming a registered organization needs its MEMBER_REP or the secretariat recording a paper form.
   */
  async submit(caller: Identity | undefined, data: SubmitFeedbackData, today = todayInChina()): Promise<ConventionFeedbackEntity> {
    const submittedOn = data.submittedOn ?? today;
    if (!isIsoDate(submittedOn) || submittedOn > today) throw new InvalidDateError('submittedOn');
    if (data.respondentKind === 'UNIT' && !data.sealed) throw new SealRequiredError();
    if (data.respondentKind === 'INDIVIDUAL' && !data.signed) throw new SignatureRequiredError();
    if (!data.contactPhone?.trim() && !data.contactEmail?.trim()) throw new ContactRequiredError();
    if (data.opinions.length === 0 && !data.otherSuggestions?.trim()) throw new EmptyFeedbackError();
    const versionIds = [...new Set(data.versionIds)];
    if (data.opinions.some((o) => !versionIds.includes(o.versionId))) throw new OpinionOutsideDraftsError();
    if (data.organizationId) {
      if (data.respondentKind !== 'UNIT') throw new UnknownOrganizationError(data.organizationId);
      if (!actsForOrganization(caller, data.associationId, data.organizationId)) throw new ForbiddenError('NOT_REPRESENTATIVE', 'Only the unit itself or the secretariat may file feedback in its name.');
    }
    return this.dataSource.transaction(async (manager) => {
      for (const versionId of versionIds) {
        const version = await manager.findOneBy(ConventionVersionEntity, { id: versionId, associationId: data.associationId });
        if (!version) throw new NotFoundError('ConventionVersion', versionId);
        if (version.status !== 'DRAFT') throw new NotOpenForFeedbackError(versionId);
      }
      for (const opinion of data.opinions) {
        if (!(await manager.existsBy(ConventionArticleEntity, { versionId: opinion.versionId, number: opinion.articleNumber }))) {
          throw new FeedbackArticleNotFoundError(opinion.versionId, opinion.articleNumber);
        }
      }
      if (data.organizationId && !(await manager.existsBy(OrganizationDirectoryEntryEntity, { organizationId: data.organizationId, associationId: data.associationId }))) {
        throw new UnknownOrganizationError(data.organizationId);
      }
      const feedback = await manager.save(
        manager.create(ConventionFeedbackEntity, {
          associationId: data.associationId,
          respondentKind: data.respondentKind,
          organizationId: data.organizationId ?? null,
          respondentName: data.respondentName.trim(),
          contactName: data.contactName.trim(),
          contactPosition: data.contactPosition?.trim() || null,
          contactPhone: data.contactPhone?.trim() || null,
          contactEmail: data.contactEmail?.trim().toLowerCase() || null,
          versionIds,
          otherSuggestions: data.otherSuggestions?.trim() || null,
          signed: data.signed,
          sealed: data.sealed,
          submittedOn,
          submittedBy: caller?.accountId ?? null,
        }),
      );
      if (data.opinions.length > 0) {
        await manager.insert(
          ConventionFeedbackOpinionEntity,
          data.opinions.map((o, position) => ({
            associationId: data.associationId,
            feedbackId: feedback.id,
            versionId: o.versionId,
            articleNumber: o.articleNumber,
            opinion: o.opinion.trim(),
            proposedWording: o.proposedWording?.trim() || null,
            position,
          })),
        );
      }
      return feedback;
    });
  }

  /** Feedback forms, newest first; contact data masked. Secretariat or admin. */
  async list(caller: Identity | undefined, associationId: string, versionId: string | null, page: PageArgsInput): Promise<ConnectionShape<ConventionFeedbackEntity>> {
    requireRole(caller, associationId, STAFF_ROLES);
    const qb = this.dataSource.getRepository(ConventionFeedbackEntity).createQueryBuilder('f').where('f.association_id = :associationId', { associationId });
    if (versionId) qb.andWhere(':versionId = ANY(f.version_ids)', { versionId });
    return paginate(qb, page, { createdAt: 'f.created_at', id: 'f.id' }, (f) => f);
  }

  /** One form with full contact data, for the secretariat following up; the read is logged. */
  async get(caller: Identity | undefined, id: string): Promise<ConventionFeedbackEntity> {
    const feedback = await this.dataSource.getRepository(ConventionFeedbackEntity).findOneBy({ id });
    if (!feedback) throw new NotFoundError('ConventionFeedback', id);
    const actor = requireRole(caller, feedback.associationId, STAFF_ROLES);
    await this.dataSource.query(
      `INSERT INTO enforcement.personal_data_read (association_id, actor_account_id, subject_type, subject_id, request_id) VALUES ($1, $2, 'CONVENTION_FEEDBACK', $3, $4)`,
      [feedback.associationId, actor.accountId, feedback.id, currentRequestContext()?.requestId ?? null],
    );
    return feedback;
  }

  async opinionsOf(feedbackId: string): Promise<ConventionFeedbackOpinionEntity[]> {
    return this.dataSource.getRepository(ConventionFeedbackOpinionEntity).find({ where: { feedbackId }, order: { position: 'ASC' } });
  }

  /** Per-article summary of the opinions on a draft, for the secretariat. */
  async summary(caller: Identity | undefined, versionId: string): Promise<FeedbackSummary> {
    const version = await this.dataSource.getRepository(ConventionVersionEntity).findOneBy({ id: versionId });
    if (!version) throw new NotFoundError('ConventionVersion', versionId);
    requireRole(caller, version.associationId, STAFF_ROLES);
    const [articles, opinions, forms] = await Promise.all([
      this.dataSource.getRepository(ConventionArticleEntity).find({ where: { versionId }, order: { number: 'ASC' } }),
      this.dataSource.getRepository(ConventionFeedbackOpinionEntity).find({ where: { versionId }, order: { articleNumber: 'ASC', feedbackId: 'ASC', position: 'ASC' } }),
      this.dataSource.getRepository(ConventionFeedbackEntity).createQueryBuilder('f').where(':versionId = ANY(f.version_ids)', { versionId }).orderBy('f.created_at', 'ASC').getMany(),
    ]);
    const formById = new Map(forms.map((f) => [f.id, f]));
    return {
      version,
      responses: forms.length,
      articles: articles
        .map((article) => ({
          article,
          opinions: opinions
            .filter((o) => o.articleNumber === article.number)
            .map((opinion) => ({ opinion, feedback: formById.get(opinion.feedbackId)! }))
            // In the order the forms arrived.
            .sort((a, b) => a.feedback.createdAt.getTime() - b.feedback.createdAt.getTime() || a.opinion.position - b.opinion.position),
        }))
        .filter((a) => a.opinions.length > 0),
      otherSuggestions: forms.filter((f) => f.otherSuggestions).map((feedback) => ({ feedback, text: feedback.otherSuggestions! })),
    };
  }
}
