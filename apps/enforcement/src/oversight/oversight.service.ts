import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { type Identity, Role, requireIdentity } from '@app/auth';
import { BadInputError, ForbiddenError, NotFoundError, todayInChina } from '@app/common';
import { representsOrganization } from '../common/acting-for';
import { ConventionEntity } from '../conventions/entities/convention.entity';
import { OversightReportEntity } from './entities/oversight-report.entity';

/**
 * Reports on the executing body or its staff (art. 20 of the model convention): any signatory may
 * make one; they go to the supervising authority, never to the executing body's own staff.
 */
@Injectable()
export class OversightService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(
    caller: Identity | undefined,
    data: { associationId: string; reporterOrganizationId: string; subject: 'EXECUTING_BODY' | 'STAFF'; staffName: string | null; conventionId: string | null; allegation: string; evidence: string[] },
    today = todayInChina(),
  ): Promise<OversightReportEntity> {
    const actor = requireIdentity(caller);
    if (!representsOrganization(actor, data.associationId, data.reporterOrganizationId)) throw new ForbiddenError('NOT_REPRESENTATIVE', 'You may report only for the unit you represent.');
    if (data.allegation.trim().length < 10) throw new BadInputError('ALLEGATION_REQUIRED', 'Describe the conduct in at least 10 characters.', { field: 'allegation' });
    if ((data.subject === 'STAFF') !== !!data.staffName?.trim()) throw new BadInputError('STAFF_NAME_MISMATCH', 'Name the staff member for a report on staff, and only then.', { field: 'staffName' });
    if (data.conventionId) {
      const convention = await this.dataSource.getRepository(ConventionEntity).findOneBy({ id: data.conventionId });
      if (!convention || convention.associationId !== data.associationId) throw new NotFoundError('Convention', data.conventionId);
    }
    const signatory: Array<{ one: number }> = await this.dataSource.query(
      `SELECT 1 AS one FROM enforcement.convention_signature WHERE association_id = $1 AND organization_id = $2 AND signed_on <= $3 AND (ended_on IS NULL OR ended_on > $3) ${data.conventionId ? 'AND convention_id = $4' : ''} LIMIT 1`,
      data.conventionId ? [data.associationId, data.reporterOrganizationId, today, data.conventionId] : [data.associationId, data.reporterOrganizationId, today],
    );
    if (signatory.length === 0) throw new ForbiddenError('SIGNATORIES_ONLY', 'Reports on the executing body come from signatories in force.');
    return this.dataSource.getRepository(OversightReportEntity).save({
      associationId: data.associationId,
      reporterOrganizationId: data.reporterOrganizationId,
      reporterAccountId: actor.accountId,
      subject: data.subject,
      staffName: data.staffName?.trim() || null,
      conventionId: data.conventionId,
      allegation: data.allegation.trim(),
      evidence: data.evidence.map((e) => e.trim()).filter(Boolean),
    });
  }

  /**
   * Reports readable by the supervising authority: REGULATOR grants only (one association or all it
   * supervises). Staff of the executing body — ADMIN, SECRETARIAT, INVESTIGATOR — are refused.
   */
  async list(caller: Identity | undefined, associationId: string | null): Promise<OversightReportEntity[]> {
    const actor = requireIdentity(caller);
    const supervised = actor.grants.filter((g) => g.role === Role.REGULATOR).map((g) => g.associationId);
    if (associationId ? !supervised.includes(associationId) : supervised.length === 0) {
      throw new ForbiddenError('SUPERVISING_AUTHORITY_ONLY', "Reports on the executing body are for its supervising authority, not the executing body's staff.");
    }
    return this.dataSource.getRepository(OversightReportEntity).find({
      where: { associationId: associationId ? associationId : In([...new Set(supervised)]) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 500,
    });
  }
}
