import { APP_NAMES, type AppName, SERVICE_NAMES, type ServiceName } from '@app/config';
import { findFreePort } from '@app/devstack';
import { type AppProcess, startAppProcess } from './app-process';
import { testSigningKeys } from './factories';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix } from './test-database';

export interface StackOptions {
  apps?: readonly AppName[];
  /** A Redis of the test's own (to stop and restart it); defaults to the run's shared one. */
  redisUrl?: string;
  /** Extra environment per app. */
  env?: Partial<Record<AppName, Record<string, string>>>;
}

/**
 * Real processes of the gateway and services on free ports, with a fresh database, an isolated
 * queue prefix and signing keys of their own. Apps can be killed and started again on the same port.
 */
export class Stack {
  readonly apps: Partial<Record<AppName, AppProcess>> = {};
  private readonly ports = {} as Record<AppName, number>;

  private constructor(
    readonly databaseUrl: string,
    readonly redisUrl: string,
    readonly queuePrefix: string,
    private readonly options: StackOptions,
    private readonly keys = testSigningKeys(),
  ) {}

  static async start(options: StackOptions = {}): Promise<Stack> {
    const stack = new Stack(await createTestDatabase(), options.redisUrl ?? testRedisUrl(), uniqueQueuePrefix(), options);
    for (const app of APP_NAMES) stack.ports[app] = await findFreePort();
    const apps = options.apps ?? APP_NAMES;
    const services = apps.filter((a): a is ServiceName => a !== 'gateway');
    await Promise.all(services.map((service) => stack.startApp(service)));
    if (apps.includes('gateway')) await stack.startApp('gateway');
    return stack;
  }

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.ports.gateway}`;
  }

  subgraphUrl(service: ServiceName): string {
    return `http://127.0.0.1:${this.ports[service]}/graphql`;
  }

  environment(app: AppName, extra: Record<string, string> = {}): Record<string, string> {
    const common: Record<string, string> = {
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redisUrl,
      QUEUE_PREFIX: this.queuePrefix,
      AUTH_PUBLIC_KEY: this.keys.AUTH_PUBLIC_KEY,
      OUTBOX_POLL_INTERVAL_MS: '250',
      EVENT_RETRY_BASE_DELAY_MS: '200',
      EVENT_LOCK_DURATION_MS: '5000',
    };
    if (app === 'membership') common.AUTH_PRIVATE_KEY = this.keys.AUTH_PRIVATE_KEY;
    if (app === 'gateway') {
      for (const service of SERVICE_NAMES) common[`SUBGRAPH_${service.toUpperCase()}_URL`] = this.subgraphUrl(service);
      common.SUPERGRAPH_SOURCE = 'file';
      common.API_KEY_TOKEN_CACHE_SECONDS = '0';
      // Flows poll the gateway while events propagate; only the rate-limit test wants the real budget.
      common.RATE_LIMIT_PER_MINUTE = '100000';
      common.RATE_LIMIT_REDIS_TIMEOUT_MS = '3000';
    }
    return { ...common, ...this.options.env?.[app], ...extra };
  }

  async startApp(app: AppName, extra: Record<string, string> = {}): Promise<AppProcess> {
    const running = this.apps[app];
    if (running && running.child.exitCode === null && running.child.signalCode === null) throw new Error(`${app} is already running: use restartApp`);
    this.apps[app] = undefined;
    const handle = await startAppProcess(app, this.ports[app], this.environment(app, extra));
    this.apps[app] = handle;
    return handle;
  }

  /** Stops (gracefully) and starts an app again, optionally with other settings. */
  async restartApp(app: AppName, extra: Record<string, string> = {}): Promise<AppProcess> {
    await this.apps[app]?.stop();
    return this.startApp(app, extra);
  }

  /** The subgraph's SDL with its federation directives, as the gateway composes it. */
  async subgraphSdl(service: ServiceName): Promise<string> {
    const response = await fetch(this.subgraphUrl(service), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    const body = (await response.json()) as { data?: { _service: { sdl: string } } };
    if (!body.data) throw new Error(`${service} did not return its SDL: ${JSON.stringify(body)}`);
    return `${body.data._service.sdl.trim()}\n`;
  }

  async stop(): Promise<void> {
    await this.apps.gateway?.stop();
    await Promise.all(SERVICE_NAMES.map((s) => this.apps[s]?.stop()));
  }
}
