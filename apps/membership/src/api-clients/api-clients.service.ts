import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource } from 'typeorm';
import { SERVICE_CONFIG } from '@app/subgraph';
import { AccessTokenSigner, type Identity, Role, generateApiKey, hashApiKey, looksLikeApiKey, requireIdentity, requireRole } from '@app/auth';
import { BadInputError, type ConnectionShape, DomainError, NotFoundError, type PageArgsInput, PublicErrorCode, paginate } from '@app/common';
import type { MembershipConfig } from '../config/membership.config';
import { AuditService } from '../audit/audit.service';
import { AssociationEntity } from '../associations/entities/association.entity';
import { ApiClientDTO, toApiClientDTO } from './dtos/api-client.dto';
import { ApiClientEntity } from './entities/api-client.entity';

export class InvalidApiKeyError extends DomainError {
  constructor() {
    super(PublicErrorCode.UNAUTHENTICATED, 'INVALID_API_KEY', 'The API key is unknown or has been revoked.');
  }
}

@Injectable()
export class ApiClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: MembershipConfig,
    private readonly signer: AccessTokenSigner,
    private readonly audit: AuditService,
  ) {}

  /** Issues a key scoped to the given associations; the caller must administer every one of them. */
  async issue(caller: Identity | undefined, input: { name: string; associationIds: string[] }): Promise<{ client: ApiClientEntity; key: string }> {
    const associationIds = [...new Set(input.associationIds)];
    if (associationIds.length === 0) throw new BadInputError('SCOPE_REQUIRED', 'Name at least one association the key may read.');
    let actor = requireIdentity(caller);
    for (const id of associationIds) actor = requireRole(actor, id, [Role.ADMIN]);
    const { key, hash, prefix } = generateApiKey();
    const client = await this.dataSource.transaction(async (manager) => {
      const found = await manager.countBy(AssociationEntity, { id: In(associationIds) });
      if (found !== associationIds.length) throw new NotFoundError('Association');
      const saved = await manager.save(
        manager.create(ApiClientEntity, { name: input.name.trim(), keyHash: hash, keyPrefix: prefix, associationIds, createdBy: actor.accountId }),
      );
      for (const associationId of associationIds) {
        await this.audit.record(manager, { associationId, actorAccountId: actor.accountId, action: 'api-client.issued', subjectType: 'ApiClient', subjectId: saved.id, details: { name: saved.name } });
      }
      return saved;
    });
    return { client, key };
  }

  async revoke(caller: Identity | undefined, id: string): Promise<ApiClientEntity> {
    const client = await this.visibleClient(caller, id);
    if (client.revokedAt) return client;
    return this.dataSource.transaction(async (manager) => {
      client.revokedAt = new Date();
      await manager.update(ApiClientEntity, { id }, { revokedAt: client.revokedAt });
      for (const associationId of client.associationIds) {
        await this.audit.record(manager, { associationId, actorAccountId: caller?.accountId ?? null, action: 'api-client.revoked', subjectType: 'ApiClient', subjectId: id });
      }
      return client;
    });
  }

  /** Clients the caller may see: those covering an association the caller administers, oldest first. */
  async list(caller: Identity | undefined, page: PageArgsInput): Promise<ConnectionShape<ApiClientDTO>> {
    const actor = requireIdentity(caller);
    const qb = this.dataSource.getRepository(ApiClientEntity).createQueryBuilder('c');
    if (!actor.platformAdmin) {
      const administered = actor.grants.filter((g) => g.role === Role.ADMIN).map((g) => g.associationId);
      if (administered.length === 0) qb.where('false');
      else qb.where('c.association_ids && :ids::uuid[]', { ids: administered });
    }
    return paginate(qb, page, { createdAt: 'c.created_at', id: 'c.id' }, toApiClientDTO);
  }

  /**
   * Trades a valid key for a short-lived access token with the REGULATOR role in each association of
   * its scope. The gateway does this for every REST call it has no fresh token for.
   */
  async exchange(key: string): Promise<{ accessToken: string; expiresAt: Date }> {
    if (!looksLikeApiKey(key)) throw new InvalidApiKeyError();
    const repository = this.dataSource.getRepository(ApiClientEntity);
    const client = await repository.findOne({ where: { keyHash: hashApiKey(key), revokedAt: IsNull() } });
    if (!client) throw new InvalidApiKeyError();
    await repository.update(client.id, { lastUsedAt: new Date() });
    const { token, expiresAt } = this.signer.sign(
      {
        accountId: client.id,
        email: null,
        kind: 'API_CLIENT',
        platformAdmin: false,
        grants: client.associationIds.map((associationId) => ({ associationId, role: Role.REGULATOR })),
      },
      this.config.API_KEY_TOKEN_TTL_SECONDS,
    );
    return { accessToken: token, expiresAt };
  }

  private async visibleClient(caller: Identity | undefined, id: string): Promise<ApiClientEntity> {
    const actor = requireIdentity(caller);
    const client = await this.dataSource.getRepository(ApiClientEntity).findOne({ where: { id } });
    if (!client) throw new NotFoundError('API client', id);
    for (const associationId of client.associationIds) requireRole(actor, associationId, [Role.ADMIN]);
    return client;
  }
}
