import { Inject, Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ServiceName } from '@app/config';
import { JobProcessor, type JobExecution } from './job-processor.decorator';
import { pruneMessagingTables } from './prune-messaging-tables';

export const MESSAGING_SERVICE_NAME = Symbol('MESSAGING_SERVICE_NAME');

/** Every service runs the nightly retention job on its own outbox and inbox. */
@Injectable()
export class RetentionPruneProcessor {
  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    @Inject(MESSAGING_SERVICE_NAME) private readonly service: ServiceName,
  ) {}

  @JobProcessor('messaging.retention.prune')
  async run(job: JobExecution<'messaging.retention.prune'>): Promise<{ outboxDeleted: number; inboxDeleted: number }> {
    return pruneMessagingTables(this.dataSource, this.service, job.payload);
  }
}
