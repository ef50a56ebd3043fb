import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Role, requireIdentity, requireRole } from '@app/auth';
import { type ConnectionShape, NotFoundError, PageArgs, connectionFromArray } from '@app/common';
import { BatchRunsService, DeadLettersService } from '@app/messaging';
import { BatchRunDTO, DeadLetterConnection, DeadLetterDTO } from './dtos/operations.dto';

/**
 * Operations on the messaging backbone, answered from Redis for every service: batch-run progress and
 * dead letters. Platform admins see everything; association admins see what concerns their associations.
 */
@Resolver(() => BatchRunDTO)
export class OperationsResolver {
  constructor(
    private readonly batchRuns: BatchRunsService,
    private readonly deadLetterStore: DeadLettersService,
  ) {}

  @Query(() => BatchRunDTO, { description: 'State, progress, counts and per-item errors of a batch run. Readable while it runs.' })
  async batchRun(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The batch run.' }) id: string): Promise<BatchRunDTO> {
    const identity = requireIdentity(caller);
    const run = await this.batchRuns.find(id);
    if (!run) throw new NotFoundError('Batch run', id);
    if (run.associationId) requireRole(identity, run.associationId, [Role.ADMIN, Role.SECRETARIAT]);
    else if (!identity.platformAdmin) throw new NotFoundError('Batch run', id);
    return run;
  }

  @Query(() => DeadLetterConnection, { description: 'Deliveries and jobs that failed every attempt, newest first: all for operators, their associations’ for admins.' })
  async deadLetters(@CurrentIdentity() caller: Identity | undefined, @Args() page: PageArgs): Promise<ConnectionShape<DeadLetterDTO>> {
    const identity = requireIdentity(caller);
    const administered = identity.grants.filter((g) => g.role === Role.ADMIN).map((g) => g.associationId);
    const letters = await this.deadLetterStore.list({ associationIds: identity.platformAdmin ? 'ALL' : administered, limit: 10_000 });
    return connectionFromArray(letters, page, (l) => ({ createdAt: l.failedAt ?? l.firstQueuedAt, id: `${l.queue}/${l.jobId}` }));
  }

  @Mutation(() => DeadLetterDTO, { description: 'Retries a dead letter with a fresh set of attempts, after the cause is fixed.' })
  async replayDeadLetter(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('queue', { description: 'Its queue.' }) queue: string,
    @Args('jobId', { type: () => ID, description: 'Its job id.' }) jobId: string,
  ): Promise<DeadLetterDTO> {
    const identity = requireIdentity(caller);
    const letter = await this.deadLetterStore.get(queue, jobId);
    if (!letter) throw new NotFoundError('Dead letter', `${queue}/${jobId}`);
    if (!identity.platformAdmin) {
      if (!letter.associationId) throw new NotFoundError('Dead letter', `${queue}/${jobId}`);
      requireRole(identity, letter.associationId, [Role.ADMIN]);
    }
    await this.deadLetterStore.replay(queue, jobId);
    return letter;
  }
}
