import type { JobsOptions } from 'bullmq';
import type { ServiceName } from '@app/config';

export type JobKind = 'COMMAND' | 'SCHEDULED' | 'BATCH';

export interface JobDefinition {
  kind: JobKind;
  /** Services whose job queue runs it (scheduled housekeeping runs in each). */
  services: readonly ServiceName[];
  policy: JobsOptions;
  /** For SCHEDULED jobs: how often, and the payload each run gets. */
  schedule?: { every?: number; pattern?: string; payload: unknown };
  description: string;
}
