import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@app/common';
import type { BatchRunState } from '@app/messaging';

export enum BatchRunStateEnum {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  COMPLETED_WITH_ERRORS = 'COMPLETED_WITH_ERRORS',
  FAILED = 'FAILED',
}

registerEnumType(BatchRunStateEnum, {
  name: 'BatchRunState',
  description: 'Where a batch run stands.',
  valuesMap: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'Being processed; counts grow as it goes.' },
    SUCCEEDED: { description: 'Finished, every item processed without error.' },
    COMPLETED_WITH_ERRORS: { description: 'Finished; some items failed (see errors).' },
    FAILED: { description: 'Stopped by an error before finishing (see failureReason).' },
  },
});

@ObjectType('BatchItemError', { description: 'One item a batch run could not process.' })
export class BatchItemErrorDTO {
  @Field({ description: 'Which item (an id or a row number).' })
  item: string;

  @Field({ description: 'Why it failed.' })
  message: string;
}

@ObjectType('BatchRun', { description: 'A long-running job (import, export, bulk change) and its progress.' })
export class BatchRunDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'The job name from the job catalog, e.g. membership.organizations.republish.' })
  name: string;

  @Field(() => ID, { nullable: true, description: 'The association it works on.' })
  associationId: string | null;

  @Field(() => BatchRunStateEnum, { description: 'Where it stands.' })
  state: BatchRunState;

  @Field(() => Int, { nullable: true, description: 'How many items it will process, once known.' })
  total: number | null;

  @Field(() => Int, { description: 'Items processed so far.' })
  processed: number;

  @Field(() => Int, { description: 'Items processed successfully.' })
  succeeded: number;

  @Field(() => Int, { description: 'Items that failed.' })
  failed: number;

  @Field(() => Int, { nullable: true, description: 'Whole percent done, once the total is known.' })
  percent: number | null;

  @Field(() => [BatchItemErrorDTO], { description: 'Per-item errors (the first 500).' })
  errors: BatchItemErrorDTO[];

  @Field({ description: 'More items failed than errors lists.' })
  errorsTruncated: boolean;

  @Field(() => String, { nullable: true, description: 'Why the run as a whole failed.' })
  failureReason: string | null;

  @Field({ description: 'When it was submitted.' })
  submittedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a worker started it.' })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it finished.' })
  finishedAt: Date | null;
}

@ObjectType('DeadLetter', { description: 'An event delivery or job that failed every attempt and waits for an admin.' })
export class DeadLetterDTO {
  @Field({ description: 'The queue it failed on, e.g. events-enforcement.' })
  queue: string;

  @Field(() => ID, { description: 'Job id; for events, the event id.' })
  jobId: string;

  @Field({ description: 'Event type or job name.' })
  name: string;

  @Field(() => ID, { nullable: true, description: 'The association concerned.' })
  associationId: string | null;

  @Field(() => Int, { description: 'Attempts made.' })
  attemptsMade: number;

  @Field({ description: 'The last error.' })
  failedReason: string;

  @Field(() => Date, { nullable: true, description: 'When the last attempt failed.' })
  failedAt: Date | null;

  @Field({ description: 'When it was first queued.' })
  firstQueuedAt: Date;
}

export const DeadLetterConnection = Connection(DeadLetterDTO, 'DeadLetter');
