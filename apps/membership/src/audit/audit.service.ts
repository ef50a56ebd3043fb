import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { currentRequestContext } from '@app/common';
import { AuditEntryEntity } from './entities/audit-entry.entity';

export interface AuditRecord {
  associationId: string | null;
  actorAccountId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details?: Record<string, unknown>;
}

/** Appends audit entries inside the caller's transaction: no change without its trace. */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const row = manager.create(AuditEntryEntity, { ...entry, details: entry.details ?? {}, requestId: currentRequestContext()?.requestId ?? null });
    await manager.save(row);
  }
}
