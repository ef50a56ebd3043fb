/**
 * Reading docker-compose.yml the way Docker Compose does (YAML merge keys, `${VAR:?message}`
 * interpolation, short and long syntaxes) and the checks compose-file.spec.ts runs on it. Each check
 * returns the problems it found, so a failure names what is wrong and the spec can prove every
 * check bites by running it on a broken copy.
 */
import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { parse } from 'yaml';
import { APP_NAMES, SERVICE_NAMES, requiredVariables } from '@app/config';

export type EnvironmentValue = string | number | boolean | null;

export interface HealthCheck {
  test?: string | string[];
  disable?: boolean;
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}

export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, EnvironmentValue> | string[];
  ports?: Array<string | number | { target?: number | string; published?: number | string }>;
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: HealthCheck;
  restart?: string;
  volumes?: Array<string | { type?: string; source?: string; target?: string }>;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** A class-validator config class (GatewayConfig, MembershipConfig, …). */
export type ConfigClass = new () => object;

/** The services built from the project's image (the five processes and the migration step). */
export const IMAGE_SERVICES: readonly string[] = [...APP_NAMES, 'migrate'];

/** Variables in an app's environment that are for the image, not for the config class. */
export const IMAGE_VARIABLES: readonly string[] = ['APP'];

export function readCompose(path: string): { text: string; compose: ComposeFile } {
  const text = readFileSync(path, 'utf8');
  return { text, compose: parseCompose(text) };
}

export function parseCompose(text: string): ComposeFile {
  // Compose resolves YAML merge keys (`<<: *anchor`); without `merge` they would stay plain keys.
  const document = parse(text, { merge: true }) as Partial<ComposeFile> | null;
  if (!document || typeof document.services !== 'object' || document.services === null) {
    throw new Error('docker-compose.yml has no services');
  }
  return document as ComposeFile;
}

// ---------------------------------------------------------------------------------------------------
// Interpolation

export interface Interpolation {
  raw: string;
  name: string;
  /** `:-`/`-`: default; `:?`/`?`: required with a message; undefined: plain `${NAME}` or `$NAME`. */
  operator?: ':-' | '-' | ':?' | '?';
  argument?: string;
}

const INTERPOLATION = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|-|:\?|\?)([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function interpolationsIn(value: string): Interpolation[] {
  const found: Interpolation[] = [];
  for (const match of value.matchAll(INTERPOLATION)) {
    if (match[0] === '$$') continue;
    const name = match[1] ?? match[4];
    found.push({ raw: match[0], name, operator: match[2] as Interpolation['operator'], argument: match[3] });
  }
  return found;
}

/** Substitutes variables as Compose does; a missing required variable throws with its message. */
export function interpolate(value: string, variables: Record<string, string | undefined>): string {
  return value.replace(INTERPOLATION, (whole, braced?: string, operator?: string, argument?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare) as string;
    const current = variables[name];
    const unset = current === undefined;
    const empty = unset || current === '';
    switch (operator) {
      case ':-':
        return empty ? (argument as string) : (current as string);
      case '-':
        return unset ? (argument as string) : (current as string);
      case ':?':
        if (empty) throw new Error(`${name}: ${argument}`);
        return current as string;
      case '?':
        if (unset) throw new Error(`${name}: ${argument}`);
        return current as string;
      default:
        return current ?? '';
    }
  });
}

/** True when the whole value is one `${NAME:?message}` (or `${NAME?message}`): required, no default. */
export function isRequiredInterpolation(value: string): boolean {
  const found = interpolationsIn(value);
  return found.length === 1 && found[0].raw === value && (found[0].operator === ':?' || found[0].operator === '?');
}

/** Variables the file refuses to start without (`${NAME:?…}` / `${NAME?…}`). */
export function requiredDeploymentVariables(text: string): string[] {
  const names = interpolationsIn(stripComments(text))
    .filter((i) => i.operator === ':?' || i.operator === '?')
    .map((i) => i.name);
  return [...new Set(names)].sort();
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Reading services

/** The environment as Compose passes it (values not yet interpolated; `KEY` alone means `${KEY}`). */
export function environmentOf(service: ComposeService | undefined): Record<string, string> {
  const environment = service?.environment;
  if (!environment) return {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, `\${${entry}}`] : [entry.slice(0, at), entry.slice(at + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [key, value === null ? `\${${key}}` : String(value)]),
  );
}

export function resolvedEnvironmentOf(service: ComposeService | undefined, variables: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(environmentOf(service)).map(([key, value]) => [key, interpolate(value, variables)]));
}

export function dependenciesOf(service: ComposeService | undefined): Record<string, string | undefined> {
  const dependsOn = service?.depends_on;
  if (!dependsOn) return {};
  // The short (list) form means service_started: it waits for nothing.
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, options]) => [name, options?.condition ?? 'service_started']));
}

/** Container ports a service publishes on the host (`expose` is not publishing). */
export function publishedContainerPorts(service: ComposeService | undefined): string[] {
  return (service?.ports ?? []).map((entry) => {
    if (typeof entry === 'number') return String(entry);
    if (typeof entry === 'object') return String(entry.target);
    // [ip:][host:]container[/protocol]; interpolations may hold colons of their own.
    const plain = entry.replace(/\$\{[^}]*\}/g, 'X');
    return plain.split(':').pop()!.split('/')[0];
  });
}

export function commandTokens(command: string | string[] | undefined): string[] {
  if (!command) return [];
  return Array.isArray(command) ? command.map(String) : command.trim().split(/\s+/);
}

function healthcheckText(service: ComposeService | undefined): string {
  const test = service?.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

function hasHealthcheck(service: ComposeService | undefined): boolean {
  const check = service?.healthcheck;
  if (!check || check.disable) return false;
  const test = Array.isArray(check.test) ? check.test : check.test ? ['CMD-SHELL', check.test] : [];
  return test.length > 1 && test[0] !== 'NONE';
}

function volumeTargets(service: ComposeService | undefined): Array<{ source?: string; target?: string }> {
  return (service?.volumes ?? []).map((entry) => {
    if (typeof entry === 'object') return { source: entry.source, target: entry.target };
    const [source, target] = entry.split(':');
    return target === undefined ? { target: source } : { source, target };
  });
}

// ---------------------------------------------------------------------------------------------------
// Config classes

/** Every property a config class validates: the variables the process reads. */
export function configProperties(configClass: ConfigClass): Set<string> {
  return new Set(getMetadataStorage().getTargetValidationMetadatas(configClass, '', true, false).map((m) => m.propertyName));
}

/** Validates an environment against a config class: every rule, the cross-field rules, no unknown keys. */
export function configProblems(configClass: ConfigClass, env: Record<string, string>): string[] {
  const known = configProperties(configClass);
  const problems = Object.keys(env)
    .filter((key) => !known.has(key) && !IMAGE_VARIABLES.includes(key))
    .map((key) => `${key}: not a variable of ${configClass.name}`);
  const config = plainToInstance(configClass, env, { enableImplicitConversion: true, exposeDefaultValues: true });
  for (const error of validateSync(config, { whitelist: true, forbidUnknownValues: true })) {
    problems.push(`${error.property}: ${Object.keys(error.constraints ?? { invalid: '' }).join(', ')}`);
  }
  problems.push(...((config as { validateCombination?: () => string[] }).validateCombination?.() ?? []));
  return problems;
}

/**
 * Variables a config class demands only in production (its validateCombination() rules), found by
 * validating a production config that has just the always-required variables.
 */
export function productionOnlyVariables(configClass: ConfigClass): string[] {
  const required = requiredVariables(configClass);
  const sample: Record<string, string> = { NODE_ENV: 'production' };
  for (const name of required) sample[name] = sampleValueFor(name);
  const config = plainToInstance(configClass, sample, { enableImplicitConversion: true, exposeDefaultValues: true });
  const problems = (config as { validateCombination?: () => string[] }).validateCombination?.() ?? [];
  return problems
    .map((problem) => /^([A-Z][A-Z0-9_]*):/.exec(problem)?.[1])
    .filter((name): name is string => name !== undefined && !required.includes(name))
    .sort();
}

function sampleValueFor(name: string): string {
  if (name === 'DATABASE_URL') return 'postgres://user:password@localhost:5432/db';
  if (name === 'REDIS_URL') return 'redis://localhost:6379';
  return '1';
}

// ---------------------------------------------------------------------------------------------------
// Checks: each returns the problems it found

/** Every app has a service, and the service runs that app (APP is what the image dispatches on). */
export function appServiceProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  for (const app of APP_NAMES) {
    const service = compose.services[app];
    if (!service) {
      problems.push(`${app}: no service`);
      continue;
    }
    const env = environmentOf(service);
    if (env.APP !== app) problems.push(`${app}: APP is ${env.APP ?? 'unset'}, expected ${app}`);
    if (env.NODE_ENV !== 'production') problems.push(`${app}: NODE_ENV is ${env.NODE_ENV ?? 'unset'}, expected production`);
  }
  return problems;
}

/** The app's environment names every variable its config class cannot start without. */
export function missingVariableProblems(compose: ComposeFile, app: string, variables: readonly string[]): string[] {
  const env = environmentOf(compose.services[app]);
  return variables.filter((name) => !env[name] || env[name].trim() === '').map((name) => `${app}: ${name} is not provided`);
}

const SECRET_NAME = /KEY$|PASSWORD|SECRET|TOKEN|(^|_)AUTH$/;
const CREDENTIAL_URLS = ['DATABASE_URL', 'REDIS_URL'];
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/([^:@/]*):([^@/]*(?:\$\{[^}]*\}[^@/]*)*)@/i;

/**
 * No secret is written in the file: secret variables are exactly one required interpolation (no
 * default to fall back on), connection URLs take their password from one, and no key material or
 * Redis password appears anywhere else.
 */
export function literalSecretProblems(compose: ComposeFile, text: string): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    for (const [key, value] of Object.entries(environmentOf(service))) {
      if (CREDENTIAL_URLS.includes(key) || /_URL$/.test(key)) {
        const credentials = URL_PASSWORD.exec(value);
        if (credentials && !isRequiredInterpolation(credentials[2])) {
          problems.push(`${name}: the password in ${key} is not a required \${…:?…} interpolation`);
        } else if (!credentials && CREDENTIAL_URLS.includes(key)) {
          problems.push(`${name}: ${key} carries no password from the environment`);
        }
      } else if (SECRET_NAME.test(key) && !isRequiredInterpolation(value)) {
        problems.push(`${name}: ${key} is not a required \${…:?…} interpolation`);
      }
    }
    const command = commandTokens(service.command);
    const requirepass = command.indexOf('--requirepass');
    if (requirepass >= 0 && !isRequiredInterpolation(command[requirepass + 1] ?? '')) {
      problems.push(`${name}: --requirepass is not a required \${…:?…} interpolation`);
    }
  }
  for (const interpolation of interpolationsIn(stripComments(text))) {
    if (SECRET_NAME.test(interpolation.name) && (interpolation.operator === ':-' || interpolation.operator === '-')) {
      problems.push(`${interpolation.raw}: a secret must not have a default`);
    }
  }
  if (/-----BEGIN [A-Z ]*KEY-----/.test(text)) problems.push('the file contains key material');
  return problems;
}

/** Only membership signs tokens, so only membership receives the private key. */
export function privateKeyProblems(compose: ComposeFile): string[] {
  return Object.entries(compose.services)
    .filter(([name]) => name !== 'membership')
    .filter(([, service]) => Object.entries(environmentOf(service)).some(([key, value]) => key === 'AUTH_PRIVATE_KEY' || value.includes('AUTH_PRIVATE_KEY')))
    .map(([name]) => `${name}: receives AUTH_PRIVATE_KEY`);
}

/** BullMQ's queues and the outbox deliveries live in Redis: persisted, and never evicted. */
export function redisProblems(compose: ComposeFile): string[] {
  const redis = compose.services.redis;
  if (!redis) return ['redis: no service'];
  const problems: string[] = [];
  if (!/^redis:7(\.|-|$)/.test(redis.image ?? '')) problems.push(`redis: image is ${redis.image}, expected redis:7`);
  const command = commandTokens(redis.command);
  const option = (name: string): string | undefined => {
    const at = command.lastIndexOf(`--${name}`);
    return at < 0 ? undefined : command[at + 1];
  };
  if (command[0] !== 'redis-server') problems.push('redis: the command does not start redis-server');
  if (option('appendonly') !== 'yes') problems.push(`redis: --appendonly is ${option('appendonly') ?? 'unset'}, expected yes`);
  if (option('appendfsync') !== 'everysec') problems.push(`redis: --appendfsync is ${option('appendfsync') ?? 'unset'}, expected everysec`);
  if (option('maxmemory-policy') !== 'noeviction') {
    problems.push(`redis: --maxmemory-policy is ${option('maxmemory-policy') ?? 'unset'}, expected noeviction`);
  }
  problems.push(...namedVolumeProblems(compose, 'redis', '/data'));
  return problems;
}

export function postgresProblems(compose: ComposeFile): string[] {
  const postgres = compose.services.postgres;
  if (!postgres) return ['postgres: no service'];
  const problems: string[] = [];
  if (!/^postgres:18(\.|-|$)/.test(postgres.image ?? '')) problems.push(`postgres: image is ${postgres.image}, expected postgres:18`);
  // PostgreSQL 18 images keep PGDATA under /var/lib/postgresql/18/docker and refuse a mount at …/data.
  problems.push(...namedVolumeProblems(compose, 'postgres', '/var/lib/postgresql'));
  if (!/\bpg_isready\b/.test(healthcheckText(postgres))) problems.push('postgres: the healthcheck does not run pg_isready');
  return problems;
}

/** Membership keeps admission evidence on disk: the directory it writes must be a named volume. */
export function attachmentsProblems(compose: ComposeFile, deployment: Record<string, string>): string[] {
  const dir = resolvedEnvironmentOf(compose.services.membership, deployment).ATTACHMENTS_DIR;
  if (!dir?.startsWith('/')) return [`membership: ATTACHMENTS_DIR is ${dir ?? 'unset'}, expected an absolute path on a volume`];
  return namedVolumeProblems(compose, 'membership', dir);
}

function namedVolumeProblems(compose: ComposeFile, service: string, target: string): string[] {
  const mount = volumeTargets(compose.services[service]).find((v) => v.target === target);
  if (!mount) return [`${service}: no volume mounted at ${target}`];
  if (!mount.source || mount.source.startsWith('.') || mount.source.startsWith('/')) return [`${service}: ${target} is not a named volume`];
  if (!compose.volumes || !(mount.source in compose.volumes)) return [`${service}: volume ${mount.source} is not declared`];
  return [];
}

/** The migration runs once, before anything that uses the database. */
export function migrateProblems(compose: ComposeFile): string[] {
  const migrate = compose.services.migrate;
  if (!migrate) return ['migrate: no service'];
  const problems: string[] = [];
  const env = environmentOf(migrate);
  if (env.APP !== 'migrate') problems.push(`migrate: APP is ${env.APP ?? 'unset'}, expected migrate`);
  if (env.NODE_ENV !== 'production') problems.push('migrate: NODE_ENV is not production');
  if (!env.DATABASE_URL) problems.push('migrate: DATABASE_URL is not provided');
  if (migrate.restart !== 'no') problems.push(`migrate: restart is ${migrate.restart ?? 'unset (no)'}; a one-shot step must say "no"`);
  if (hasHealthcheck(migrate)) problems.push('migrate: a one-shot step has no healthcheck to pass');
  if (publishedContainerPorts(migrate).length) problems.push('migrate: publishes ports');
  if (dependenciesOf(migrate).postgres !== 'service_healthy') problems.push('migrate: does not wait for postgres to be healthy');
  for (const app of APP_NAMES) {
    const condition = dependenciesOf(compose.services[app]).migrate;
    if (condition !== 'service_completed_successfully') {
      problems.push(`${app}: waits for migrate with ${condition ?? 'nothing'}, expected service_completed_successfully`);
    }
  }
  return problems;
}

/** Apps start on healthy infrastructure; the gateway composes only healthy subgraphs. */
export function dependencyProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  for (const app of APP_NAMES) {
    const dependencies = dependenciesOf(compose.services[app]);
    for (const infrastructure of ['postgres', 'redis']) {
      if (dependencies[infrastructure] !== 'service_healthy') problems.push(`${app}: does not wait for ${infrastructure} to be healthy`);
    }
  }
  const gateway = dependenciesOf(compose.services.gateway);
  for (const service of SERVICE_NAMES) {
    if (gateway[service] !== 'service_healthy') problems.push(`gateway: does not wait for ${service} to be healthy`);
  }
  for (const [name, service] of Object.entries(compose.services)) {
    for (const dependency of Object.keys(dependenciesOf(service))) {
      if (!compose.services[dependency]) problems.push(`${name}: depends on ${dependency}, which is no service`);
    }
  }
  return problems;
}

/** Everything that keeps running has a healthcheck (dependants wait on it) and restarts. */
export function healthcheckProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    if (name === 'migrate') continue;
    if (!hasHealthcheck(service)) {
      problems.push(`${name}: no healthcheck`);
      continue;
    }
    if (!service.restart || service.restart === 'no') problems.push(`${name}: a long-running service without a restart policy`);
  }
  for (const app of APP_NAMES) {
    const service = compose.services[app];
    if (!hasHealthcheck(service)) continue;
    const text = healthcheckText(service);
    const port = environmentOf(service).PORT;
    if (!text.includes('/health/ready')) problems.push(`${app}: the healthcheck does not ask /health/ready`);
    if (!text.includes('process.env.PORT') && !(port && text.includes(`:${port}/`))) {
      problems.push(`${app}: the healthcheck does not ask the port the app listens on`);
    }
  }
  return problems;
}

/** Only the gateway is reachable from outside, on the port it listens on. */
export function publishedPortProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(compose.services)) {
    const ports = publishedContainerPorts(service);
    if (name === 'gateway') {
      const port = environmentOf(service).PORT;
      if (ports.length !== 1 || ports[0] !== port) problems.push(`gateway: publishes ${ports.join(', ') || 'nothing'}, expected its PORT ${port}`);
    } else if (ports.length) {
      problems.push(`${name}: publishes ${ports.join(', ')}`);
    }
  }
  return problems;
}

/** One image for every process, built the same way. */
export function imageProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  const reference = compose.services.gateway;
  if (!reference?.image) problems.push('gateway: no image name');
  const build = reference?.build;
  const dockerfile = typeof build === 'object' ? build.dockerfile : undefined;
  if (dockerfile !== 'docker/Dockerfile') problems.push(`gateway: built from ${dockerfile ?? 'nothing'}, expected docker/Dockerfile`);
  if (typeof build === 'object' && (build.context ?? '.') !== '.') problems.push('gateway: the build context is not the repository root');
  for (const name of IMAGE_SERVICES) {
    const service = compose.services[name];
    if (!service) continue;
    if (service.image !== reference?.image) problems.push(`${name}: image ${service.image} differs from the gateway's ${reference?.image}`);
    if (JSON.stringify(service.build) !== JSON.stringify(build)) problems.push(`${name}: build differs from the gateway's`);
  }
  return problems;
}

/** The gateway reaches each subgraph by its Compose service name on the port that service listens on. */
export function subgraphUrlProblems(compose: ComposeFile): string[] {
  const problems: string[] = [];
  const gateway = environmentOf(compose.services.gateway);
  if (gateway.SUPERGRAPH_SOURCE !== 'file') problems.push(`gateway: SUPERGRAPH_SOURCE is ${gateway.SUPERGRAPH_SOURCE ?? 'unset'}, expected file`);
  for (const service of SERVICE_NAMES) {
    const key = `SUBGRAPH_${service.toUpperCase()}_URL`;
    const value = gateway[key];
    if (!value) {
      problems.push(`gateway: ${key} is not set (it would default to 127.0.0.1)`);
      continue;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`gateway: ${key} is not a URL`);
      continue;
    }
    const port = environmentOf(compose.services[service]).PORT;
    if (url.hostname !== service || !compose.services[url.hostname]) problems.push(`gateway: ${key} points at ${url.hostname}, expected the ${service} service`);
    if (url.port !== port) problems.push(`gateway: ${key} uses port ${url.port || '(default)'}, but ${service} listens on ${port ?? 'an unset PORT'}`);
    if (url.pathname !== '/graphql') problems.push(`gateway: ${key} path is ${url.pathname}, expected /graphql`);
  }
  return problems;
}
