import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Secret } from './secret.decorator';

export const SERVICE_NAMES = ['membership', 'enforcement', 'standards', 'events'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
export const APP_NAMES = ['gateway', ...SERVICE_NAMES] as const;
export type AppName = (typeof APP_NAMES)[number];

export const DEFAULT_PORTS: Record<AppName, number> = {
  gateway: 3000,
  membership: 3001,
  enforcement: 3002,
  standards: 3003,
  events: 3004,
};

const PEM_PUBLIC = /-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/;
const PEM_PRIVATE = /-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----/;

/** What every process shares: environment, logging, Redis and the token verification key. */
export abstract class CommonConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsString()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  @Secret()
  REDIS_URL: string;

  /** Prefix of every BullMQ key; lets deployments (or test runs) share one Redis. */
  @Matches(/^[a-z][a-z0-9-]{0,40}$/, { message: 'QUEUE_PREFIX must be lower-case letters, digits and dashes' })
  QUEUE_PREFIX: string = 'zilv';

  /** Ed25519 public key (PEM) that verifies access tokens. Outside production a development key under .data/ is used when absent. */
  @IsOptional()
  @Matches(PEM_PUBLIC, { message: 'AUTH_PUBLIC_KEY must be a PEM public key' })
  AUTH_PUBLIC_KEY?: string;

  /**
   * Largest request body accepted (bytes). GraphQL carries member-import CSVs and base64 evidence files,
   * so the default is well above body-parser's 100 KiB; the gateway and every service apply it.
   */
  @IsInt()
  @Min(100 * 1024)
  @Max(64 * 1024 * 1024)
  REQUEST_BODY_LIMIT_BYTES: number = 16 * 1024 * 1024;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  validateCombination(): string[] {
    return this.isProduction && !this.AUTH_PUBLIC_KEY
      ? ['AUTH_PUBLIC_KEY: required in production (development keys are refused)']
      : [];
  }
}

/** A subgraph service: its port, its database and the messaging knobs tests turn down. */
export abstract class ServiceConfig extends CommonConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number;

  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  @Secret()
  DATABASE_URL: string;

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE: number = 10;

  /** Polling fallback of the outbox relay; commits wake it at once through LISTEN/NOTIFY. */
  @IsInt()
  @Min(10)
  OUTBOX_POLL_INTERVAL_MS: number = 1000;

  @IsInt()
  @Min(1)
  @Max(64)
  EVENT_CONSUMER_CONCURRENCY: number = 8;

  /** How long a delivery may run before BullMQ treats it as stalled and redelivers it. */
  @IsInt()
  @Min(1000)
  EVENT_LOCK_DURATION_MS: number = 30_000;

  /** Base delay of the exponential backoff between delivery attempts. */
  @IsInt()
  @Min(1)
  EVENT_RETRY_BASE_DELAY_MS: number = 2000;

  @IsInt()
  @Min(1)
  @Max(50)
  EVENT_DELIVERY_ATTEMPTS: number = 8;

  /** Fault injection for tests, refused in production: pause a delivery inside its transaction. */
  @IsInt()
  @Min(0)
  MESSAGING_FAULT_PAUSE_BEFORE_COMMIT_MS: number = 0;

  /** Fault injection for tests, refused in production: pause after commit, before the job is acknowledged. */
  @IsInt()
  @Min(0)
  MESSAGING_FAULT_PAUSE_AFTER_COMMIT_MS: number = 0;

  override validateCombination(): string[] {
    const problems = super.validateCombination();
    if (this.isProduction && (this.MESSAGING_FAULT_PAUSE_BEFORE_COMMIT_MS || this.MESSAGING_FAULT_PAUSE_AFTER_COMMIT_MS)) {
      problems.push('MESSAGING_FAULT_*: fault injection is refused in production');
    }
    return problems;
  }
}

export { PEM_PRIVATE, PEM_PUBLIC };
