import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { type Identity, STAFF_ROLES, requireRole } from '@app/auth';
import { NotFoundError } from '@app/common';
import { AssociationEntity } from '../associations/entities/association.entity';
import { rangesOverlap } from '../council/calendar-date';
import type { HolderData } from '../council/council.service';
import { OrganizationEntity } from '../organizations/entities/organization.entity';
import { AlreadyMemberUnitError, CommitteeDatesError, CommitteeHolderError, CommitteeNameTakenError, CommitteePositionHeldError, NotMemberUnitError } from './committees.exception';
import type { CommitteeDTO, CreateCommitteeInput } from './dtos/committee.dto';
import { CommitteeKind, CommitteePositionKind } from './dtos/committee.dto';
import { CommitteeEntity, CommitteeMemberUnitEntity, CommitteePositionEntity, type CommitteePositionName } from './entities/committee.entity';

const SINGLE_HOLDER: readonly CommitteePositionName[] = ['DIRECTOR', 'SECRETARY_GENERAL'];
const POSITION_ORDER: readonly CommitteePositionName[] = ['DIRECTOR', 'DEPUTY_DIRECTOR', 'SECRETARY_GENERAL', 'MEMBER'];

@Injectable()
export class CommitteesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(caller: Identity | undefined, input: CreateCommitteeInput): Promise<CommitteeDTO> {
    requireRole(caller, input.associationId, STAFF_ROLES);
    const committee = await this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(AssociationEntity, { id: input.associationId }))) throw new NotFoundError('Association', input.associationId);
      const name = input.name.trim();
      if (await manager.existsBy(CommitteeEntity, { associationId: input.associationId, name })) throw new CommitteeNameTakenError(name);
      return manager.save(manager.create(CommitteeEntity, { associationId: input.associationId, name, kind: input.kind, charter: input.charter, establishedOn: input.establishedOn }));
    });
    return (await this.toDTOs([committee]))[0];
  }

  async appointPosition(caller: Identity | undefined, committeeId: string, position: CommitteePositionName, holder: HolderData, startsOn: string, endsOn: string | null): Promise<CommitteeDTO> {
    const committee = await this.dataSource.transaction(async (manager) => {
      const found = await this.lock(manager, caller, committeeId);
      if (endsOn !== null && endsOn < startsOn) throw new CommitteeDatesError('A position cannot end before it starts.');
      if (startsOn < found.establishedOn) throw new CommitteeDatesError('A position cannot start before the committee was established.');
      let name = holder.name?.trim() || null;
      if (holder.organizationId) {
        const organization = await manager.findOne(OrganizationEntity, { where: { id: holder.organizationId, associationId: found.associationId } });
        if (!organization) throw new CommitteeHolderError('HOLDER_ORGANIZATION_UNKNOWN', 'The holder organization is not registered in this association.');
        name ??= organization.name;
      }
      if (!name) throw new CommitteeHolderError('HOLDER_REQUIRED', 'Name the holder: an organization, a person name, or both.');
      if (SINGLE_HOLDER.includes(position)) {
        const existing = await manager.find(CommitteePositionEntity, { where: { committeeId, position } });
        if (existing.some((p) => rangesOverlap(p.startsOn, p.endsOn, startsOn, endsOn))) throw new CommitteePositionHeldError(position);
      }
      await manager.save(
        manager.create(CommitteePositionEntity, {
          associationId: found.associationId,
          committeeId,
          position,
          holderOrganizationId: holder.organizationId ?? null,
          holderPersonId: holder.personId ?? null,
          holderName: name,
          startsOn,
          endsOn,
        }),
      );
      return found;
    });
    return (await this.toDTOs([committee]))[0];
  }

  async addMemberUnit(caller: Identity | undefined, committeeId: string, organizationId: string, on: string): Promise<CommitteeDTO> {
    const committee = await this.dataSource.transaction(async (manager) => {
      const found = await this.lock(manager, caller, committeeId);
      if (!(await manager.existsBy(OrganizationEntity, { id: organizationId, associationId: found.associationId }))) {
        throw new CommitteeHolderError('HOLDER_ORGANIZATION_UNKNOWN', 'The organization is not registered in this association.');
      }
      if (await manager.existsBy(CommitteeMemberUnitEntity, { committeeId, organizationId, leftOn: IsNull() })) throw new AlreadyMemberUnitError();
      await manager.save(manager.create(CommitteeMemberUnitEntity, { associationId: found.associationId, committeeId, organizationId, joinedOn: on }));
      return found;
    });
    return (await this.toDTOs([committee]))[0];
  }

  async removeMemberUnit(caller: Identity | undefined, committeeId: string, organizationId: string, on: string): Promise<CommitteeDTO> {
    const committee = await this.dataSource.transaction(async (manager) => {
      const found = await this.lock(manager, caller, committeeId);
      const unit = await manager.findOne(CommitteeMemberUnitEntity, { where: { committeeId, organizationId, leftOn: IsNull() } });
      if (!unit) throw new NotMemberUnitError();
      if (on < unit.joinedOn) throw new CommitteeDatesError('A unit cannot leave before it joined.');
      unit.leftOn = on;
      await manager.save(unit);
      return found;
    });
    return (await this.toDTOs([committee]))[0];
  }

  /** Public: committees with positions and member units. */
  async list(associationId: string): Promise<CommitteeDTO[]> {
    return this.toDTOs(await this.dataSource.getRepository(CommitteeEntity).find({ where: { associationId }, order: { establishedOn: 'ASC', name: 'ASC' } }));
  }

  async get(id: string): Promise<CommitteeDTO> {
    const committee = await this.dataSource.getRepository(CommitteeEntity).findOne({ where: { id } });
    if (!committee) throw new NotFoundError('Committee', id);
    return (await this.toDTOs([committee]))[0];
  }

  private async lock(manager: EntityManager, caller: Identity | undefined, id: string): Promise<CommitteeEntity> {
    const committee = await manager.findOne(CommitteeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!committee) throw new NotFoundError('Committee', id);
    requireRole(caller, committee.associationId, STAFF_ROLES);
    return committee;
  }

  private async toDTOs(committees: CommitteeEntity[]): Promise<CommitteeDTO[]> {
    if (committees.length === 0) return [];
    const ids = committees.map((c) => c.id);
    const positions = await this.dataSource.getRepository(CommitteePositionEntity).find({ where: { committeeId: In(ids) } });
    const units = await this.dataSource.getRepository(CommitteeMemberUnitEntity).find({ where: { committeeId: In(ids) }, order: { joinedOn: 'ASC' } });
    const organizations = units.length ? await this.dataSource.getRepository(OrganizationEntity).find({ where: { id: In([...new Set(units.map((u) => u.organizationId))]) } }) : [];
    const names = new Map(organizations.map((o) => [o.id, o.name]));
    return committees.map((c) => ({
      id: c.id,
      associationId: c.associationId,
      name: c.name,
      kind: c.kind as CommitteeKind,
      charter: c.charter,
      establishedOn: c.establishedOn,
      dissolvedOn: c.dissolvedOn,
      positions: positions
        .filter((p) => p.committeeId === c.id)
        .sort((a, b) => POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position) || a.startsOn.localeCompare(b.startsOn) || a.holderName.localeCompare(b.holderName))
        .map((p) => ({ id: p.id, position: p.position as CommitteePositionKind, holderOrganizationId: p.holderOrganizationId, holderPersonId: p.holderPersonId, holderName: p.holderName, startsOn: p.startsOn, endsOn: p.endsOn })),
      memberUnits: units
        .filter((u) => u.committeeId === c.id)
        .map((u) => ({ organizationId: u.organizationId, organizationName: names.get(u.organizationId) ?? '', joinedOn: u.joinedOn, leftOn: u.leftOn })),
    }));
  }
}
