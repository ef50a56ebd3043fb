import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, STAFF_ROLES, requireRole } from '@app/auth';
import { BadInputError, NotFoundError } from '@app/common';
import { AssociationEntity } from '../associations/entities/association.entity';
import { FieldOfWorkEntity } from './entities/field-of-work.entity';

/** The taxonomy the 武汉 guide lists; offered as the default for a new association's fields of work. */
export const DEFAULT_FIELDS_OF_WORK = ['物理安全', '主机安全', '网络安全', '边界安全', '应用安全', '数据安全', '安全管理与支持', '工业信息安全', '相关专业服务', '产业链上下游'];

export class UnknownFieldOfWorkError extends BadInputError {
  constructor(names: string[]) {
    super('UNKNOWN_FIELD_OF_WORK', `Not in the association's fields of work: ${names.join(', ')}.`, { fields: names });
  }
}

@Injectable()
export class FieldsOfWorkService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Public: applicants need the list to fill in the form. */
  async list(associationId: string): Promise<FieldOfWorkEntity[]> {
    return this.dataSource.getRepository(FieldOfWorkEntity).find({ where: { associationId }, order: { position: 'ASC', name: 'ASC' } });
  }

  /** Adds the named fields (idempotent: existing names are kept, order follows the list). */
  async define(caller: Identity | undefined, associationId: string, names: string[]): Promise<FieldOfWorkEntity[]> {
    requireRole(caller, associationId, STAFF_ROLES);
    if (!(await this.dataSource.getRepository(AssociationEntity).existsBy({ id: associationId }))) throw new NotFoundError('Association', associationId);
    await this.dataSource.transaction((manager) => insertFields(manager, associationId, names));
    return this.list(associationId);
  }

  /** Resolves names to ids within the association; any unknown name refuses the whole set. */
  async resolve(manager: EntityManager, associationId: string, names: readonly string[]): Promise<string[]> {
    if (names.length === 0) return [];
    const rows: Array<{ id: string; name: string }> = await manager.query(`SELECT id, name FROM membership.field_of_work WHERE association_id = $1 AND name = ANY($2)`, [associationId, names]);
    const unknown = names.filter((n) => !rows.some((r) => r.name === n));
    if (unknown.length > 0) throw new UnknownFieldOfWorkError(unknown);
    return rows.map((r) => r.id);
  }

  async namesOf(organizationIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (organizationIds.length === 0) return result;
    const rows: Array<{ organization_id: string; name: string }> = await this.dataSource.query(
      `SELECT f.organization_id, w.name FROM membership.organization_field f JOIN membership.field_of_work w ON w.id = f.field_id
        WHERE f.organization_id = ANY($1) ORDER BY w.position, w.name`,
      [organizationIds],
    );
    for (const row of rows) result.set(row.organization_id, [...(result.get(row.organization_id) ?? []), row.name]);
    return result;
  }
}

export async function insertFields(manager: EntityManager, associationId: string, names: readonly string[]): Promise<void> {
  const [{ max }] = await manager.query(`SELECT coalesce(max(position), 0) AS max FROM membership.field_of_work WHERE association_id = $1`, [associationId]);
  await manager.query(
    `INSERT INTO membership.field_of_work (association_id, name, position)
     SELECT $1, name, $3 + ordinality FROM unnest($2::text[]) WITH ORDINALITY AS t(name, ordinality)
     ON CONFLICT (association_id, name) DO NOTHING`,
    [associationId, names.map((n) => n.trim()).filter(Boolean), Number(max)],
  );
}
