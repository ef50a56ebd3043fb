import type { DataSource } from 'typeorm';
import type { ServiceName } from '@app/config';
import type { JobPayloads } from '../catalog/job-catalog';

/** Deletes published outbox rows and handled inbox ids past retention; unpublished rows are never touched. */
export async function pruneMessagingTables(
  dataSource: DataSource,
  service: ServiceName,
  retention: JobPayloads['messaging.retention.prune'],
): Promise<{ outboxDeleted: number; inboxDeleted: number }> {
  const [, outboxDeleted] = (await dataSource.query(
    `DELETE FROM "${service}".outbox_event WHERE published_at IS NOT NULL AND published_at < now() - make_interval(days => $1)`,
    [retention.outboxRetentionDays],
  )) as [unknown, number];
  const [, inboxDeleted] = (await dataSource.query(
    `DELETE FROM "${service}".inbox_event WHERE handled_at < now() - make_interval(days => $1)`,
    [retention.inboxRetentionDays],
  )) as [unknown, number];
  return { outboxDeleted, inboxDeleted };
}
