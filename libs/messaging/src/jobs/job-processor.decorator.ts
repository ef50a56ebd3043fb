import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from '../catalog/job-catalog';
import type { BatchRunReporter } from './batch-run-reporter';

export const JOB_PROCESSOR = 'zilv:job-processor';

export interface JobExecution<N extends JobName> {
  name: N;
  id: string;
  payload: JobPayloads[N];
  /** Progress and per-item results; meaningful for BATCH jobs, harmless for others. */
  report: BatchRunReporter;
}

/** Marks a provider method as the one processor of a catalog job run by this service. */
export function JobProcessor(name: JobName): MethodDecorator {
  return SetMetadata(JOB_PROCESSOR, name);
}
