import {
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import type { ServiceConfig, ServiceName } from '@app/config';
import { eventsSubscribedBy, type DomainEventType } from './catalog/event-catalog';
import { jobsRunBy, type JobName } from './catalog/job-catalog';
import { DOMAIN_EVENT_HANDLER } from './consumer/on-domain-event.decorator';
import { assertOneHandlerEach, discoverHandlers, type DiscoveredHandler } from './consumer/handler-discovery';
import { EventConsumer } from './consumer/event-consumer';
import { DeadLettersService } from './dead-letters/dead-letters.service';
import { BatchRunsService } from './jobs/batch-runs.service';
import { JOB_PROCESSOR } from './jobs/job-processor.decorator';
import { JobRunner } from './jobs/job-runner';
import { MESSAGING_SERVICE_NAME, RetentionPruneProcessor } from './jobs/retention-prune.processor';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxService } from './outbox/outbox.service';
import { closeConnection, createProducerConnection } from './redis-connections';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
const SHUTDOWN_STEP_MS = 5000;

/** True when `work` settled within `ms`; never rejects. */
async function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = work.then(() => true as const, () => true as const);
  const result = await Promise.race([settled, timedOut]);
  clearTimeout(timer);
  return result;
}
export const MESSAGING_REDIS = Symbol('MESSAGING_REDIS');

export interface MessagingModuleOptions {
  service: ServiceName;
  config: ServiceConfig;
}

/**
 * Starts the service's messaging at bootstrap, after every provider exists: checks that each event
 * the catalog routes here and each job the service runs has exactly one handler (start-up fails
 * otherwise), then starts the consumer, the job runner and the outbox relay.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  consumer?: EventConsumer;
  relay?: OutboxRelay;
  jobs?: JobRunner;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    @Inject(MESSAGING_REDIS) private readonly redis: Redis,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly batchRuns: BatchRunsService,
    private readonly deadLetters: DeadLettersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { service, config } = this.options;
    const eventHandlers = discoverHandlers<DomainEventType>(this.discovery, this.scanner, this.reflector, DOMAIN_EVENT_HANDLER);
    assertOneHandlerEach('event', service, eventsSubscribedBy(service), eventHandlers);
    const jobProcessors = discoverHandlers<JobName>(this.discovery, this.scanner, this.reflector, JOB_PROCESSOR);
    assertOneHandlerEach('job', service, jobsRunBy(service), jobProcessors);

    this.consumer = new EventConsumer(this.dataSource, single(eventHandlers), {
      service,
      redisUrl: config.REDIS_URL,
      concurrency: config.EVENT_CONSUMER_CONCURRENCY,
      lockDurationMs: config.EVENT_LOCK_DURATION_MS,
      faults: {
        pauseBeforeCommitMs: config.MESSAGING_FAULT_PAUSE_BEFORE_COMMIT_MS,
        pauseAfterCommitMs: config.MESSAGING_FAULT_PAUSE_AFTER_COMMIT_MS,
      },
    });
    this.consumer.start();
    this.jobs = new JobRunner(service, config.REDIS_URL, single(jobProcessors));
    await this.jobs.start();
    this.relay = new OutboxRelay(this.dataSource, {
      service,
      databaseUrl: config.DATABASE_URL,
      redisUrl: config.REDIS_URL,
      pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
      deliveryAttempts: config.EVENT_DELIVERY_ATTEMPTS,
      retryBaseDelayMs: config.EVENT_RETRY_BASE_DELAY_MS,
    });
    await this.relay.start();
    this.logger.log(`${service}: consuming ${eventHandlers.size} event type(s), running ${jobProcessors.size} job type(s), relaying the outbox`);
  }

  /**
   * Stops relaying first (nothing new leaves), then consuming. Each step is bounded: with Redis or
   * PostgreSQL already gone, closing would otherwise wait for them forever and the process never exit.
   * Whatever was in flight is redelivered later; the inbox makes that harmless.
   */
  async onApplicationShutdown(): Promise<void> {
    const steps: Array<[string, (() => Promise<unknown>) | undefined]> = [
      ['outbox relay', this.relay && (() => this.relay!.stop())],
      ['event consumer', this.consumer && (() => this.consumer!.stop())],
      ['job runner', this.jobs && (() => this.jobs!.stop())],
      ['batch runs', () => this.batchRuns.close()],
      ['dead letters', () => this.deadLetters.close()],
      ['redis', () => closeConnection(this.redis)],
    ];
    for (const [name, step] of steps) {
      if (!step) continue;
      const finished = await settleWithin(step(), SHUTDOWN_STEP_MS);
      if (!finished) this.logger.warn(`Stopping the ${name} took over ${SHUTDOWN_STEP_MS} ms; moving on`);
    }
  }
}

function single<T extends string>(found: Map<T, DiscoveredHandler<T>[]>): Map<T, DiscoveredHandler<T>> {
  return new Map([...found].map(([name, handlers]) => [name, handlers[0]]));
}

@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: MESSAGING_SERVICE_NAME, useValue: options.service },
        RetentionPruneProcessor,
        { provide: MESSAGING_REDIS, useFactory: () => createProducerConnection(options.config.REDIS_URL, `zilv-${options.service}-messaging`) },
        { provide: OutboxService, useFactory: () => new OutboxService(options.service) },
        { provide: BatchRunsService, inject: [MESSAGING_REDIS], useFactory: (redis: Redis) => new BatchRunsService(redis) },
        { provide: DeadLettersService, inject: [MESSAGING_REDIS], useFactory: (redis: Redis) => new DeadLettersService(redis) },
        MessagingLifecycle,
      ],
      exports: [OutboxService, BatchRunsService, DeadLettersService, MessagingLifecycle, MESSAGING_REDIS],
    };
  }
}
