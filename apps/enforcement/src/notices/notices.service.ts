import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, requireIdentity } from '@app/auth';
import { ForbiddenError, NotFoundError, paginate, type ConnectionShape, type PageArgsInput } from '@app/common';
import { actsForOrganization } from '../common/acting-for';
import { SignatoryNoticeEntity, type SignatoryNoticeKindName } from './entities/signatory-notice.entity';

export interface NoticeToUnits {
  associationId: string;
  conventionId: string;
  organizationIds: string[];
  kind: SignatoryNoticeKindName;
  subject: string;
  referenceId: string;
  conventionVersionId: string | null;
}

/** Notices to signatory units: written in the transaction of what they announce, read and acknowledged by each unit. */
@Injectable()
export class NoticesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One notice per unit; the same notice sent again (same unit, kind and reference) is not duplicated. */
  async notifyInTransaction(manager: EntityManager, notice: NoticeToUnits): Promise<void> {
    const units = [...new Set(notice.organizationIds)];
    if (units.length === 0) return;
    await manager.query(
      `INSERT INTO enforcement.signatory_notice (association_id, organization_id, convention_id, kind, subject, reference_id, convention_version_id)
       SELECT $1, unit, $3, $4, $5, $6, $7 FROM unnest($2::uuid[]) AS unit
       ON CONFLICT (organization_id, kind, reference_id) DO NOTHING`,
      [notice.associationId, units, notice.conventionId, notice.kind, notice.subject, notice.referenceId, notice.conventionVersionId],
    );
  }

  /** A unit's notices, newest last; its own representatives and the association's staff read them. */
  async list(caller: Identity | undefined, associationId: string, organizationId: string, page: PageArgsInput, unacknowledgedOnly: boolean): Promise<ConnectionShape<SignatoryNoticeEntity>> {
    requireIdentity(caller);
    if (!actsForOrganization(caller, associationId, organizationId)) throw new ForbiddenError('NOT_THE_UNITS_REPRESENTATIVE', "Only the unit's representatives and the association's staff read its notices.");
    const qb = this.dataSource
      .getRepository(SignatoryNoticeEntity)
      .createQueryBuilder('n')
      .where('n.association_id = :associationId AND n.organization_id = :organizationId', { associationId, organizationId });
    if (unacknowledgedOnly) qb.andWhere('n.acknowledged_at IS NULL');
    return paginate(qb, page, { createdAt: 'n.created_at', id: 'n.id' });
  }

  /** The unit's representative (or staff) acknowledges a notice; acknowledging again changes nothing. */
  async acknowledge(caller: Identity | undefined, id: string): Promise<SignatoryNoticeEntity> {
    const actor = requireIdentity(caller);
    return this.dataSource.transaction(async (manager) => {
      const notice = await manager.findOne(SignatoryNoticeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      // Someone else's notice is reported as missing, so its existence is not revealed.
      if (!notice || !actsForOrganization(actor, notice.associationId, notice.organizationId)) throw new NotFoundError('SignatoryNotice', id);
      if (notice.acknowledgedAt) return notice;
      notice.acknowledgedAt = new Date();
      notice.acknowledgedBy = actor.accountId;
      return manager.save(notice);
    });
  }
}
