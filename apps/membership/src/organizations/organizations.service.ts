import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, Role, STAFF_ROLES, canRead, requireReadAccess, requireRole } from '@app/auth';
import { NotFoundError, assertCreditCode, paginate, type ConnectionShape, type PageArgsInput } from '@app/common';
import { BatchRunsService, OutboxService } from '@app/messaging';
import { FieldsOfWorkService } from '../fields-of-work/fields-of-work.service';
import { SanctionRecordEntity } from '../sanctions/entities/sanction-record.entity';
import { AssociationEntity } from '../associations/entities/association.entity';
import { OrganizationDTO, toOrganizationDTO } from './dtos/organization.dto';
import { OrganizationEntity } from './entities/organization.entity';
import { CreditCodeTakenError } from './organizations.exception';

/** Register details of a unit beyond its name and code; fields of work are names from the association's taxonomy. */
export interface OrganizationDetails {
  legalRepresentative?: string | null;
  registeredCity?: string | null;
  address?: string | null;
  foundedOn?: string | null;
  fieldsOfWork?: string[] | null;
  technicalStaffCount?: number | null;
}

export interface RegisterOrganizationData extends OrganizationDetails {
  associationId: string;
  name: string;
  creditCode: string;
}

export interface UpdateOrganizationData extends OrganizationDetails {
  name?: string;
  creditCode?: string;
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly batchRuns: BatchRunsService,
    private readonly fields: FieldsOfWorkService,
  ) {}

  async register(caller: Identity | undefined, data: RegisterOrganizationData): Promise<OrganizationEntity> {
    requireRole(caller, data.associationId, STAFF_ROLES);
    assertCreditCode(data.creditCode);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(AssociationEntity, { id: data.associationId }))) throw new NotFoundError('Association', data.associationId);
      await this.assertCreditCodeFree(manager, data.associationId, data.creditCode);
      return this.create(manager, data);
    });
  }

  private async create(manager: EntityManager, data: RegisterOrganizationData): Promise<OrganizationEntity> {
    const fieldIds = await this.fields.resolve(manager, data.associationId, data.fieldsOfWork ?? []);
    const organization = await manager.save(
      manager.create(OrganizationEntity, {
        associationId: data.associationId,
        name: data.name.trim(),
        creditCode: data.creditCode,
        legalRepresentative: data.legalRepresentative?.trim() || null,
        registeredCity: data.registeredCity?.trim() || null,
        address: data.address?.trim() || null,
        foundedOn: data.foundedOn ?? null,
        technicalStaffCount: data.technicalStaffCount ?? null,
      }),
    );
    await this.setFields(manager, organization, fieldIds);
    await this.publishSnapshot(manager, organization);
    return organization;
  }

  /** An applying unit: registered when new, its details refreshed when the association already knows it. */
  async upsertForApplication(manager: EntityManager, associationId: string, data: Omit<RegisterOrganizationData, 'associationId'>): Promise<OrganizationEntity> {
    assertCreditCode(data.creditCode);
    const existing = await manager.findOne(OrganizationEntity, { where: { associationId, creditCode: data.creditCode }, lock: { mode: 'pessimistic_write' } });
    if (!existing) return this.create(manager, { ...data, associationId });
    return this.applyChanges(manager, existing, { ...data, creditCode: undefined });
  }

  private async setFields(manager: EntityManager, organization: OrganizationEntity, fieldIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM membership.organization_field WHERE organization_id = $1`, [organization.id]);
    if (fieldIds.length === 0) return;
    await manager.query(
      `INSERT INTO membership.organization_field (association_id, organization_id, field_id) SELECT $1, $2, unnest($3::uuid[])`,
      [organization.associationId, organization.id, fieldIds],
    );
  }

  private async applyChanges(manager: EntityManager, organization: OrganizationEntity, data: UpdateOrganizationData): Promise<OrganizationEntity> {
    if (data.creditCode !== undefined && data.creditCode !== organization.creditCode) {
      assertCreditCode(data.creditCode);
      await this.assertCreditCodeFree(manager, organization.associationId, data.creditCode);
      organization.creditCode = data.creditCode;
    }
    if (data.name !== undefined) organization.name = data.name.trim();
    if (data.legalRepresentative !== undefined) organization.legalRepresentative = data.legalRepresentative?.trim() || null;
    if (data.registeredCity !== undefined) organization.registeredCity = data.registeredCity?.trim() || null;
    if (data.address !== undefined) organization.address = data.address?.trim() || null;
    if (data.foundedOn !== undefined) organization.foundedOn = data.foundedOn ?? null;
    if (data.technicalStaffCount !== undefined) organization.technicalStaffCount = data.technicalStaffCount ?? null;
    if (data.fieldsOfWork !== undefined && data.fieldsOfWork !== null) await this.setFields(manager, organization, await this.fields.resolve(manager, organization.associationId, data.fieldsOfWork));
    organization.revision += 1;
    const saved = await manager.save(organization);
    await this.publishSnapshot(manager, saved);
    return saved;
  }

  async update(caller: Identity | undefined, id: string, data: UpdateOrganizationData): Promise<OrganizationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.lockForChange(manager, caller, id);
      return this.applyChanges(manager, organization, data);
    });
  }

  async sanctions(organizationId: string): Promise<SanctionRecordEntity[]> {
    return this.dataSource.getRepository(SanctionRecordEntity).find({ where: { organizationId }, order: { decidedOn: 'DESC' } });
  }

  fieldsOfWork(organizationIds: readonly string[]): Promise<Map<string, string[]>> {
    return this.fields.namesOf(organizationIds);
  }

  async get(caller: Identity | undefined, id: string): Promise<OrganizationEntity> {
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOne({ where: { id } });
    if (!organization) throw new NotFoundError('Organization', id);
    requireReadAccess(caller, organization.associationId);
    return organization;
  }

  /** For federation references: null when absent or not readable by the caller. */
  async findReadable(caller: Identity | undefined, id: string): Promise<OrganizationEntity | null> {
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOne({ where: { id } });
    return organization && canRead(caller, organization.associationId) ? organization : null;
  }

  async list(caller: Identity | undefined, associationId: string, page: PageArgsInput): Promise<ConnectionShape<OrganizationDTO>> {
    requireReadAccess(caller, associationId);
    const qb = this.dataSource.getRepository(OrganizationEntity).createQueryBuilder('o').where('o.association_id = :associationId', { associationId });
    return paginate(qb, page, { createdAt: 'o.created_at', id: 'o.id' }, toOrganizationDTO);
  }

  async submitRepublish(caller: Identity | undefined, associationId: string): Promise<string> {
    const actor = requireRole(caller, associationId, [Role.ADMIN]);
    return this.batchRuns.submit('membership.organizations.republish', { associationId }, { associationId, requestedBy: actor.accountId });
  }

  /** Records the full public snapshot as `membership.organization.updated`. */
  async publishSnapshot(manager: EntityManager, organization: OrganizationEntity): Promise<void> {
    await this.outbox.record(manager, {
      type: 'membership.organization.updated',
      associationId: organization.associationId,
      payload: {
        organizationId: organization.id,
        name: organization.name,
        creditCode: organization.creditCode,
        membershipStatus: organization.membershipStatus,
        revision: organization.revision,
      },
    });
  }

  private async lockForChange(manager: EntityManager, caller: Identity | undefined, id: string): Promise<OrganizationEntity> {
    const organization = await manager.findOne(OrganizationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!organization) throw new NotFoundError('Organization', id);
    requireRole(caller, organization.associationId, STAFF_ROLES);
    return organization;
  }

  private async assertCreditCodeFree(manager: EntityManager, associationId: string, creditCode: string): Promise<void> {
    if (await manager.existsBy(OrganizationEntity, { associationId, creditCode })) throw new CreditCodeTakenError(creditCode);
  }
}
