import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, Role, STAFF_ROLES, canRead, requireReadAccess, requireRole } from '@app/auth';
import { NotFoundError, assertCreditCode, paginate, type ConnectionShape, type PageArgsInput } from '@app/common';
import { BatchRunsService, OutboxService, type MembershipStatusName } from '@app/messaging';
import { AssociationEntity } from '../associations/entities/association.entity';
import { OrganizationDTO, toOrganizationDTO } from './dtos/organization.dto';
import { OrganizationEntity } from './entities/organization.entity';
import { CreditCodeTakenError, UnchangedStatusError } from './organizations.exception';

export interface RegisterOrganizationData {
  associationId: string;
  name: string;
  creditCode: string;
}

export interface UpdateOrganizationData {
  name?: string;
  creditCode?: string;
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly batchRuns: BatchRunsService,
  ) {}

  async register(caller: Identity | undefined, data: RegisterOrganizationData): Promise<OrganizationEntity> {
    requireRole(caller, data.associationId, STAFF_ROLES);
    assertCreditCode(data.creditCode);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(AssociationEntity, { id: data.associationId }))) throw new NotFoundError('Association', data.associationId);
      await this.assertCreditCodeFree(manager, data.associationId, data.creditCode);
      const organization = await manager.save(
        manager.create(OrganizationEntity, { associationId: data.associationId, name: data.name.trim(), creditCode: data.creditCode }),
      );
      await this.publishSnapshot(manager, organization);
      return organization;
    });
  }

  async update(caller: Identity | undefined, id: string, data: UpdateOrganizationData): Promise<OrganizationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.lockForChange(manager, caller, id);
      if (data.creditCode !== undefined && data.creditCode !== organization.creditCode) {
        assertCreditCode(data.creditCode);
        await this.assertCreditCodeFree(manager, organization.associationId, data.creditCode);
        organization.creditCode = data.creditCode;
      }
      if (data.name !== undefined) organization.name = data.name.trim();
      organization.revision += 1;
      const saved = await manager.save(organization);
      await this.publishSnapshot(manager, saved);
      return saved;
    });
  }

  async changeMembershipStatus(caller: Identity | undefined, id: string, status: MembershipStatusName, reason: string): Promise<OrganizationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.lockForChange(manager, caller, id);
      const previousStatus = organization.membershipStatus;
      if (previousStatus === status) throw new UnchangedStatusError(status);
      organization.membershipStatus = status;
      organization.revision += 1;
      const saved = await manager.save(organization);
      await this.outbox.record(manager, {
        type: 'membership.membership.status-changed',
        associationId: saved.associationId,
        payload: { organizationId: saved.id, previousStatus, status, reason, revision: saved.revision },
      });
      await this.publishSnapshot(manager, saved);
      return saved;
    });
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
