import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, STAFF_ROLES, requireReadAccess, requireRole } from '@app/auth';
import { NotFoundError, paginate, type ConnectionShape, type PageArgsInput } from '@app/common';
import { AuditService } from '../audit/audit.service';
import { PersonEntity } from './entities/person.entity';

export interface PersonData {
  name: string;
  phone?: string | null;
  email?: string | null;
  employerOrganizationId?: string | null;
  titles?: string[] | null;
}

/** People with minimised personal data: contacts masked in every list, full only to the secretariat, every full read audited. */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async register(caller: Identity | undefined, associationId: string, data: PersonData): Promise<PersonEntity> {
    const actor = requireRole(caller, associationId, STAFF_ROLES);
    return this.dataSource.transaction((manager) => this.create(manager, actor, associationId, data));
  }

  async create(manager: EntityManager, actor: Identity, associationId: string, data: PersonData): Promise<PersonEntity> {
    const person = await manager.save(
      manager.create(PersonEntity, {
        associationId,
        name: data.name.trim(),
        phone: data.phone?.trim() || null,
        email: data.email?.trim().toLowerCase() || null,
        employerOrganizationId: data.employerOrganizationId ?? null,
        titles: data.titles ?? [],
      }),
    );
    await this.audit.record(manager, { associationId, actorAccountId: actor.accountId, action: 'person.created', subjectType: 'Person', subjectId: person.id, details: { fields: Object.keys(data).filter((k) => data[k as keyof PersonData] != null) } });
    return person;
  }

  /** Changes are audited by field name; the values themselves never go into the audit trail. */
  async update(caller: Identity | undefined, id: string, data: Partial<Omit<PersonData, 'name'>> & { name?: string | null }): Promise<PersonEntity> {
    return this.dataSource.transaction(async (manager) => {
      const person = await manager.findOne(PersonEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!person) throw new NotFoundError('Person', id);
      const actor = requireRole(caller, person.associationId, STAFF_ROLES);
      const changed: string[] = [];
      const set = <K extends keyof PersonEntity>(key: K, value: PersonEntity[K]) => {
        if (JSON.stringify(person[key]) !== JSON.stringify(value)) {
          person[key] = value;
          changed.push(String(key));
        }
      };
      if (data.name !== undefined && data.name !== null) set('name', data.name.trim());
      if (data.phone !== undefined) set('phone', data.phone?.trim() || null);
      if (data.email !== undefined) set('email', data.email?.trim().toLowerCase() || null);
      if (data.employerOrganizationId !== undefined) set('employerOrganizationId', data.employerOrganizationId ?? null);
      if (data.titles !== undefined && data.titles !== null) set('titles', data.titles);
      if (changed.length === 0) return person;
      person.revision += 1;
      const saved = await manager.save(person);
      await this.audit.record(manager, { associationId: person.associationId, actorAccountId: actor.accountId, action: 'person.updated', subjectType: 'Person', subjectId: person.id, details: { fields: changed } });
      return saved;
    });
  }

  async list(caller: Identity | undefined, associationId: string, page: PageArgsInput): Promise<ConnectionShape<PersonEntity>> {
    requireReadAccess(caller, associationId);
    const qb = this.dataSource.getRepository(PersonEntity).createQueryBuilder('p').where('p.association_id = :associationId', { associationId });
    return paginate(qb, page, { createdAt: 'p.created_at', id: 'p.id' });
  }

  async get(caller: Identity | undefined, id: string): Promise<PersonEntity> {
    const person = await this.dataSource.getRepository(PersonEntity).findOneBy({ id });
    if (!person) throw new NotFoundError('Person', id);
    requireReadAccess(caller, person.associationId);
    return person;
  }

  /** Full contact details: ADMIN and SECRETARIAT only, and the read is audited. */
  async contact(caller: Identity | undefined, id: string, purpose: string): Promise<PersonEntity> {
    const person = await this.dataSource.getRepository(PersonEntity).findOneBy({ id });
    if (!person) throw new NotFoundError('Person', id);
    const actor = requireRole(caller, person.associationId, STAFF_ROLES);
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, { associationId: person.associationId, actorAccountId: actor.accountId, action: 'person.contact.read', subjectType: 'Person', subjectId: person.id, details: { purpose } }),
    );
    return person;
  }
}
