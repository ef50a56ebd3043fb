import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Identity, requireReadAccess } from '@app/auth';
import { BadInputError, NotFoundError, paginate, type ConnectionShape, type PageArgsInput } from '@app/common';
import type { MembershipGradeName, MembershipStatusName } from '@app/messaging';
import { AssociationEntity } from '../associations/entities/association.entity';
import { MembershipStatusChangeEntity } from './entities/membership-status-change.entity';
import { MembershipEntity } from './entities/membership.entity';
import { DIRECTORY_STATUSES } from './membership-state-machine';

/** What the public directory and the regulators' register show of a member unit: nothing personal. */
export interface MemberListing {
  membershipId: string;
  organizationId: string;
  memberNumber: string | null;
  name: string;
  creditCode: string;
  grade: MembershipGradeName;
  status: MembershipStatusName;
  registeredCity: string | null;
  fieldsOfWork: string[];
  admittedOn: string | null;
  validUntil: string | null;
}

export type MembershipChangeKind = 'ADMISSION' | 'WITHDRAWAL' | 'EXPULSION' | 'REVERSAL';

export interface MembershipChange {
  id: string;
  kind: MembershipChangeKind;
  effectiveOn: string;
  at: Date;
  membershipId: string;
  memberNumber: string | null;
  name: string;
  creditCode: string | null;
  grade: MembershipGradeName;
  reason: string;
}

const CHANGE_KIND: Partial<Record<MembershipStatusName, MembershipChangeKind>> = { WITHDRAWN: 'WITHDRAWAL', EXPELLED: 'EXPULSION', NONE: 'REVERSAL' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface CertificateView {
  certificateNumber: string;
  name: string;
  grade: MembershipGradeName;
  status: MembershipStatusName;
  validUntil: string | null;
}

@Injectable()
export class MemberDirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async associationByCode(code: string): Promise<AssociationEntity> {
    const association = await this.dataSource.getRepository(AssociationEntity).findOneBy({ shortCode: code });
    if (!association) throw new NotFoundError('Association', code);
    return association;
  }

  /**
   * Member units in good standing (ACTIVE or GRACE), public fields only. `statuses` widens it for
   * callers with read access (the regulators' register shows every unit membership).
   */
  async units(associationId: string, page: PageArgsInput, filter: { grade?: MembershipGradeName | null; fieldOfWork?: string | null; statuses?: readonly MembershipStatusName[] }): Promise<ConnectionShape<MemberListing>> {
    const qb = this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.organization', 'o')
      .where('m.association_id = :associationId', { associationId })
      .andWhere('m.kind = :kind', { kind: 'UNIT' })
      .andWhere('m.status IN (:...statuses)', { statuses: filter.statuses ?? DIRECTORY_STATUSES });
    if (filter.grade) qb.andWhere('m.grade = :grade', { grade: filter.grade });
    if (filter.fieldOfWork) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM membership.organization_field f JOIN membership.field_of_work w ON w.id = f.field_id WHERE f.organization_id = m.organization_id AND w.name = :field)`,
        { field: filter.fieldOfWork },
      );
    }
    const connection = await paginate(qb, page, { createdAt: 'm.created_at', id: 'm.id' });
    const fields = await this.fieldNames(connection.nodes.map((m) => m.organizationId!));
    const toListing = (m: MembershipEntity): MemberListing => ({
      membershipId: m.id,
      organizationId: m.organizationId!,
      memberNumber: m.memberNumber,
      name: m.organization!.name,
      creditCode: m.organization!.creditCode,
      grade: m.grade,
      status: m.status,
      registeredCity: m.organization!.registeredCity,
      fieldsOfWork: fields.get(m.organizationId!) ?? [],
      admittedOn: m.admittedOn,
      validUntil: m.validUntil,
    });
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toListing(e.node) })), nodes: connection.nodes.map(toListing) };
  }

  async register(caller: Identity | undefined, associationCode: string, page: PageArgsInput, filter: { grade?: MembershipGradeName | null; fieldOfWork?: string | null }): Promise<ConnectionShape<MemberListing>> {
    const association = await this.associationByCode(associationCode);
    requireReadAccess(caller, association.id);
    return this.units(association.id, page, { ...filter, statuses: ['ACTIVE', 'GRACE', 'SUSPENDED', 'LAPSED', 'WITHDRAWN', 'EXPELLED'] });
  }

  /** Admissions, withdrawals, expulsions and reversals in a date range (effective dates, inclusive). */
  async changes(caller: Identity | undefined, associationCode: string, from: string | null | undefined, to: string | null | undefined, page: PageArgsInput): Promise<ConnectionShape<MembershipChange>> {
    for (const [name, value] of [['from', from], ['to', to]] as const) {
      if (value != null && (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))) throw new BadInputError('INVALID_DATE', `${name} must be a date YYYY-MM-DD.`, { field: name });
    }
    if (from && to && from > to) throw new BadInputError('INVALID_DATE_RANGE', '`from` must not be after `to`.');
    const association = await this.associationByCode(associationCode);
    requireReadAccess(caller, association.id);
    const qb = this.dataSource
      .getRepository(MembershipStatusChangeEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.membership', 'm')
      .leftJoinAndSelect('m.organization', 'o')
      .leftJoinAndSelect('m.person', 'p')
      .where('c.association_id = :id', { id: association.id })
      .andWhere(`((c.status = 'ACTIVE' AND c.previous_status = 'PENDING') OR c.status IN ('WITHDRAWN', 'EXPELLED', 'NONE'))`);
    if (from) qb.andWhere('c.effective_on >= :from', { from });
    if (to) qb.andWhere('c.effective_on <= :to', { to });
    const connection = await paginate(qb, page, { createdAt: 'c.at', id: 'c.id' });
    const toChange = (c: MembershipStatusChangeEntity): MembershipChange => ({
      id: c.id,
      kind: c.status === 'ACTIVE' ? 'ADMISSION' : CHANGE_KIND[c.status]!,
      effectiveOn: c.effectiveOn,
      at: c.at,
      membershipId: c.membershipId,
      memberNumber: c.membership!.memberNumber,
      name: c.membership!.organization?.name ?? c.membership!.person?.name ?? '',
      creditCode: c.membership!.organization?.creditCode ?? null,
      grade: c.membership!.grade,
      reason: c.reason,
    });
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toChange(e.node) })), nodes: connection.nodes.map(toChange) };
  }

  /** Public: what the certificate itself shows, nothing more; null when no such certificate exists. */
  async verifyCertificate(number: string): Promise<CertificateView | null> {
    const membership = await this.dataSource.getRepository(MembershipEntity).findOne({ where: { certificateNumber: number.trim() }, relations: { organization: true, person: true } });
    if (!membership) return null;
    return {
      certificateNumber: membership.certificateNumber!,
      name: membership.organization?.name ?? membership.person?.name ?? '',
      grade: membership.grade,
      status: membership.status,
      validUntil: membership.validUntil,
    };
  }

  /** The member directory as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese right). */
  async exportCsv(caller: Identity | undefined, associationId: string): Promise<string> {
    requireReadAccess(caller, associationId);
    const rows: Array<Record<string, string | null>> = await this.dataSource.query(
      `SELECT m.member_number, o.name, o.credit_code, m.grade, m.status, o.registered_city, to_char(m.admitted_on, 'YYYY-MM-DD') AS admitted_on,
              to_char(m.valid_until, 'YYYY-MM-DD') AS valid_until,
              (SELECT string_agg(w.name, ';' ORDER BY w.position) FROM membership.organization_field f JOIN membership.field_of_work w ON w.id = f.field_id WHERE f.organization_id = o.id) AS fields
         FROM membership.membership m JOIN membership.organization o ON o.id = m.organization_id
        WHERE m.association_id = $1 AND m.kind = 'UNIT' AND m.status = ANY($2)
        ORDER BY m.member_number`,
      [associationId, DIRECTORY_STATUSES],
    );
    const header = ['会员编号', '单位名称', '统一社会信用代码', '会员等级', '状态', '注册城市', '业务领域', '入会日期', '有效期至'];
    const lines = rows.map((r) =>
      [r.member_number, r.name, r.credit_code, GRADE_LABELS[r.grade as MembershipGradeName] ?? r.grade, r.status, r.registered_city, r.fields, r.admitted_on, r.valid_until].map(csvCell).join(','),
    );
    return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
  }

  private async fieldNames(organizationIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (organizationIds.length === 0) return result;
    const rows: Array<{ organization_id: string; name: string }> = await this.dataSource.query(
      `SELECT f.organization_id, w.name FROM membership.organization_field f JOIN membership.field_of_work w ON w.id = f.field_id WHERE f.organization_id = ANY($1) ORDER BY w.position`,
      [organizationIds],
    );
    for (const row of rows) result.set(row.organization_id, [...(result.get(row.organization_id) ?? []), row.name]);
    return result;
  }
}

export const GRADE_LABELS: Record<MembershipGradeName, string> = {
  MEMBER: '会员',
  COUNCIL: '理事单位',
  STANDING_COUNCIL: '常务理事单位',
  VICE_PRESIDENT: '副会长单位',
  PRESIDENT: '会长单位',
  SUPERVISOR: '监事单位',
};

/** Quotes a cell when needed; a leading =, +, - or @ is neutralised so spreadsheets do not run it as a formula. */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
