import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { type Identity, readableAssociations, requirePlatformAdmin, requireReadAccess } from '@app/auth';
import { ConflictError, NotFoundError, paginate, type ConnectionShape, type PageArgsInput } from '@app/common';
import { AuditService } from '../audit/audit.service';
import { AssociationDTO, toAssociationDTO } from './dtos/association.dto';
import { AssociationEntity } from './entities/association.entity';

export interface CreateAssociationData {
  name: string;
  shortCode: string;
  executingBody?: string | null;
  supervisingAuthority?: string | null;
}

@Injectable()
export class AssociationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Identity | undefined, data: CreateAssociationData): Promise<AssociationEntity> {
    const actor = requirePlatformAdmin(caller);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(AssociationEntity, { shortCode: data.shortCode })) {
        throw new ConflictError('SHORT_CODE_TAKEN', `Short code ${data.shortCode} is already used by another association.`);
      }
      const saved = await manager.save(manager.create(AssociationEntity, { ...data, executingBody: data.executingBody ?? null, supervisingAuthority: data.supervisingAuthority ?? null }));
      await this.audit.record(manager, { associationId: saved.id, actorAccountId: actor.accountId, action: 'association.created', subjectType: 'Association', subjectId: saved.id });
      return saved;
    });
  }

  /** The associations the caller may read, in the order they were created. */
  async listReadable(caller: Identity | undefined, page: PageArgsInput): Promise<ConnectionShape<AssociationDTO>> {
    const readable = readableAssociations(caller);
    const qb = this.dataSource.getRepository(AssociationEntity).createQueryBuilder('a');
    if (readable !== 'ALL') {
      if (readable.length === 0) qb.where('false');
      else qb.where('a.id IN (:...ids)', { ids: readable });
    }
    return paginate(qb, page, { createdAt: 'a.created_at', id: 'a.id' }, toAssociationDTO);
  }

  async get(caller: Identity | undefined, id: string): Promise<AssociationEntity> {
    requireReadAccess(caller, id);
    const association = await this.dataSource.getRepository(AssociationEntity).findOne({ where: { id } });
    if (!association) throw new NotFoundError('Association', id);
    return association;
  }

  async findMany(ids: string[]): Promise<AssociationEntity[]> {
    return ids.length ? this.dataSource.getRepository(AssociationEntity).findBy({ id: In(ids) }) : [];
  }
}
