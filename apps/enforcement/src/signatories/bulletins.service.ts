import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type Identity, STAFF_ROLES, requireIdentity, requireRole } from '@app/auth';
import { paginate, type ConnectionShape, type PageArgsInput, addDays, todayInChina } from '@app/common';
import { JobProcessor, type JobExecution } from '@app/messaging';
import { SignatoryBulletinEntity, type StoredBulletinEntry } from './entities/signatory-bulletin.entity';
import { SignatoriesService, assertPeriod, type BulletinEntry } from './signatories.service';

function stored(entry: BulletinEntry, side: 'JOINED' | 'LEFT'): StoredBulletinEntry {
  const s = entry.signature;
  return {
    signatureId: s.id,
    organizationId: s.organizationId,
    organizationName: entry.organizationName,
    conventionId: s.conventionId,
    conventionTitle: entry.conventionTitle,
    versionNumber: entry.versionNumber,
    date: side === 'JOINED' ? s.signedOn : s.endedOn!,
    reason: side === 'JOINED' ? null : s.endReason,
    restoresSignatureId: side === 'JOINED' ? s.restoresSignatureId : null,
  };
}

/** The previous calendar month of a date: 2024-03-15 → 2024-02-01 … 2024-02-29. */
export function previousMonth(today: string): { from: string; to: string } {
  const to = addDays(`${today.slice(0, 7)}-01`, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/** Published join and leave bulletins: the executing body publishes them periodically (公约执行机构定期公布). */
@Injectable()
export class BulletinsService {
  private readonly logger = new Logger('SignatoryBulletins');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signatories: SignatoriesService,
  ) {}

  /** Publishes (stores) the bulletin of a period; publishing the same period again returns the one already published. */
  async publish(associationId: string, from: string, to: string, publishedBy: string): Promise<{ bulletin: SignatoryBulletinEntity; created: boolean }> {
    assertPeriod(from, to);
    const existing = await this.dataSource.getRepository(SignatoryBulletinEntity).findOneBy({ associationId, periodFrom: from, periodTo: to });
    if (existing) return { bulletin: existing, created: false };
    const computed = await this.signatories.bulletin(associationId, from, to);
    const joined = computed.joined.map((e) => stored(e, 'JOINED'));
    const left = computed.left.map((e) => stored(e, 'LEFT'));
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(SignatoryBulletinEntity)
      .values({ associationId, periodFrom: from, periodTo: to, joined, left, joinedCount: joined.length, leftCount: left.length, publishedBy })
      .orIgnore()
      .returning('id')
      .execute();
    const bulletin = await this.dataSource.getRepository(SignatoryBulletinEntity).findOneByOrFail({ associationId, periodFrom: from, periodTo: to });
    return { bulletin, created: result.raw.length > 0 };
  }

  async publishFor(caller: Identity | undefined, associationId: string, from: string, to: string): Promise<SignatoryBulletinEntity> {
    const actor = requireRole(caller, associationId, STAFF_ROLES);
    requireIdentity(actor);
    return (await this.publish(associationId, from, to, actor.accountId)).bulletin;
  }

  /** Scheduled: the previous month's bulletin for every association that has signatures. */
  async publishPreviousMonth(today = todayInChina()): Promise<Array<{ associationId: string; bulletinId: string; joined: number; left: number; created: boolean }>> {
    const { from, to } = previousMonth(today);
    const associations: Array<{ association_id: string }> = await this.dataSource.query(`SELECT DISTINCT association_id FROM enforcement.convention_signature ORDER BY association_id`);
    const published = [];
    for (const { association_id: associationId } of associations) {
      const { bulletin, created } = await this.publish(associationId, from, to, 'SCHEDULE');
      published.push({ associationId, bulletinId: bulletin.id, joined: bulletin.joinedCount, left: bulletin.leftCount, created });
    }
    return published;
  }

  @JobProcessor('enforcement.signatories.bulletin')
  async runScheduled(_job: JobExecution<'enforcement.signatories.bulletin'>): Promise<{ published: number; bulletins: Array<{ associationId: string; bulletinId: string; joined: number; left: number; created: boolean }> }> {
    const bulletins = await this.publishPreviousMonth();
    this.logger.log(`Published ${bulletins.filter((b) => b.created).length} signatory bulletin(s).`);
    return { published: bulletins.filter((b) => b.created).length, bulletins };
  }

  /** Published bulletins, newest first. Public: the lists are published to everyone. */
  async list(associationId: string, page: PageArgsInput): Promise<ConnectionShape<SignatoryBulletinEntity>> {
    const qb = this.dataSource.getRepository(SignatoryBulletinEntity).createQueryBuilder('b').where('b.association_id = :associationId', { associationId });
    return paginate(qb, page, { createdAt: 'b.published_at', id: 'b.id' }, (b) => b);
  }
}
