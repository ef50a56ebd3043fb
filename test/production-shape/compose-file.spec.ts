/**
 * The production shape (docker-compose.yml, docker/Dockerfile, .dockerignore) checked without a
 * Docker engine: the files are parsed and held against the config classes the processes validate at
 * start, so a new required variable, a renamed service or a changed port fails here, not at deploy.
 */
import { execFile, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_NAMES, DEFAULT_PORTS, SERVICE_NAMES, loadConfig, requiredVariables, type AppName } from '@app/config';
import { EnforcementConfig } from '../../apps/enforcement/src/config/enforcement.config';
import { EventsConfig } from '../../apps/events/src/config/events.config';
import { GatewayConfig } from '../../apps/gateway/src/config/gateway.config';
import { MembershipConfig } from '../../apps/membership/src/config/membership.config';
import { StandardsConfig } from '../../apps/standards/src/config/standards.config';
import {
  appServiceProblems,
  attachmentsProblems,
  configProblems,
  dependencyProblems,
  environmentOf,
  healthcheckProblems,
  imageProblems,
  interpolate,
  literalSecretProblems,
  migrateProblems,
  missingVariableProblems,
  parseCompose,
  postgresProblems,
  privateKeyProblems,
  productionOnlyVariables,
  publishedPortProblems,
  readCompose,
  redisProblems,
  requiredDeploymentVariables,
  resolvedEnvironmentOf,
  subgraphUrlProblems,
  type ComposeFile,
  type ConfigClass,
} from './compose-shape';
import {
  dockerfileProblems,
  dockerIgnore,
  environmentOfStage,
  execForm,
  finalStage,
  healthcheckExecForm,
  instructionsOf,
  parseDockerfile,
  type Dockerfile,
} from './dockerfile-shape';

const ROOT = join(__dirname, '..', '..');
const { text: COMPOSE_TEXT, compose: COMPOSE } = readCompose(join(ROOT, 'docker-compose.yml'));
const DOCKERFILE_TEXT = readFileSync(join(ROOT, 'docker', 'Dockerfile'), 'utf8');
const DOCKERFILE = parseDockerfile(DOCKERFILE_TEXT);

const CONFIG_CLASSES: Record<AppName, ConfigClass> = {
  gateway: GatewayConfig,
  membership: MembershipConfig,
  enforcement: EnforcementConfig,
  standards: StandardsConfig,
  events: EventsConfig,
};

/** What validateCombination() demands in production on top of requiredVariables(). */
const PRODUCTION_ONLY: Record<AppName, string[]> = {
  gateway: ['AUTH_PUBLIC_KEY'],
  membership: ['AUTH_PRIVATE_KEY', 'AUTH_PUBLIC_KEY'],
  enforcement: ['AUTH_PUBLIC_KEY', 'COMPLAINANT_DATA_KEY'],
  standards: ['AUTH_PUBLIC_KEY'],
  events: ['AUTH_PUBLIC_KEY'],
};

/** The secrets a deployment provides; nothing else is required of it. */
const DEPLOYMENT_SECRETS = ['AUTH_PRIVATE_KEY', 'AUTH_PUBLIC_KEY', 'COMPLAINANT_DATA_KEY', 'POSTGRES_PASSWORD', 'REDIS_PASSWORD'];

function sampleDeployment(): Record<string, string> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    POSTGRES_PASSWORD: 'sample-postgres-password',
    REDIS_PASSWORD: 'sample-redis-password',
    AUTH_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    AUTH_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    COMPLAINANT_DATA_KEY: 'c2FtcGxlLWNvbXBsYWluYW50LWRhdGEta2V5LTMyYnk=',
  };
}

/** An independent deep copy (the parsed file shares aliased objects such as depends_on). */
function brokenCopy(change: (compose: ComposeFile) => void): ComposeFile {
  const copy = JSON.parse(JSON.stringify(COMPOSE)) as ComposeFile;
  change(copy);
  return copy;
}

function env(compose: ComposeFile, service: string): Record<string, string | number | boolean | null> {
  return compose.services[service].environment as Record<string, string | number | boolean | null>;
}

function listen(status: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((request, response) => {
      response.statusCode = request.url === '/health/ready' ? status : 404;
      response.end();
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Runs `node -e <script>` as a healthcheck would, resolving to its exit code. */
function runHealthcheck(command: string[], environment: Record<string, string>): Promise<number> {
  expect(command.slice(0, 2)).toEqual(['node', '-e']);
  return new Promise((resolve) => {
    execFile(process.execPath, command.slice(1), { env: { PATH: process.env.PATH ?? '', ...environment }, timeout: 10_000 }, (error) =>
      resolve(error ? (typeof error.code === 'number' ? error.code : -1) : 0),
    );
  });
}

async function healthcheckOutcomes(command: string[], environment: Record<string, string>): Promise<{ ready: number; unavailable: number; down: number }> {
  const ready = await listen(200);
  const unavailable = await listen(503);
  const down = await listen(200);
  const downPort = String(portOf(down));
  await close(down);
  try {
    return {
      ready: await runHealthcheck(command, { ...environment, PORT: String(portOf(ready)) }),
      unavailable: await runHealthcheck(command, { ...environment, PORT: String(portOf(unavailable)) }),
      down: await runHealthcheck(command, { ...environment, PORT: downPort }),
    };
  } finally {
    await Promise.all([close(ready), close(unavailable)]);
  }
}

describe('docker-compose.yml', () => {
  it('has a service for every app, running that app in production', () => {
    expect(Object.keys(COMPOSE.services).sort()).toEqual([...APP_NAMES, 'migrate', 'postgres', 'redis'].sort());
    expect(appServiceProblems(COMPOSE)).toEqual([]);
  });

  it('knows what each config class demands only in production', () => {
    for (const app of APP_NAMES) {
      expect(productionOnlyVariables(CONFIG_CLASSES[app])).toEqual(expect.arrayContaining(PRODUCTION_ONLY[app]));
    }
  });

  it.each(APP_NAMES)('gives %s every variable its config class requires, production ones included', (app) => {
    const configClass = CONFIG_CLASSES[app];
    const required = [...new Set([...requiredVariables(configClass), ...PRODUCTION_ONLY[app], ...productionOnlyVariables(configClass)])];
    expect(required).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'AUTH_PUBLIC_KEY']));
    expect(missingVariableProblems(COMPOSE, app, required)).toEqual([]);
  });

  it.each(APP_NAMES)('gives %s an environment its config class accepts in production', (app) => {
    const environment = resolvedEnvironmentOf(COMPOSE.services[app], sampleDeployment());
    expect(environment.NODE_ENV).toBe('production');
    expect(configProblems(CONFIG_CLASSES[app], environment)).toEqual([]);
  });

  it.each(APP_NAMES)('starts %s: loadConfig accepts the environment and the keys arrive', (app) => {
    const deployment = sampleDeployment();
    const config = loadConfig(CONFIG_CLASSES[app], resolvedEnvironmentOf(COMPOSE.services[app], deployment)) as Record<string, unknown>;
    expect(config).toMatchObject({ NODE_ENV: 'production', PORT: DEFAULT_PORTS[app], AUTH_PUBLIC_KEY: deployment.AUTH_PUBLIC_KEY });
    expect(config.AUTH_PRIVATE_KEY).toBe(app === 'membership' ? deployment.AUTH_PRIVATE_KEY : undefined);
  });

  it('asks the deployment for exactly its secrets and refuses to start without them', () => {
    expect(requiredDeploymentVariables(COMPOSE_TEXT)).toEqual(DEPLOYMENT_SECRETS);
    const deployment = sampleDeployment();
    for (const secret of DEPLOYMENT_SECRETS) {
      const { [secret]: _missing, ...incomplete } = deployment;
      const resolveAll = (): void => {
        for (const service of Object.values(COMPOSE.services)) resolvedEnvironmentOf(service, incomplete);
      };
      expect(resolveAll).toThrow(new RegExp(`^${secret}: `));
    }
  });

  it('writes no secret: keys and passwords come from the environment, with no defaults', () => {
    expect(literalSecretProblems(COMPOSE, COMPOSE_TEXT)).toEqual([]);
    expect(environmentOf(COMPOSE.services.membership).AUTH_PRIVATE_KEY).toMatch(/^\$\{AUTH_PRIVATE_KEY:\?[^}]+\}$/);
    expect(environmentOf(COMPOSE.services.gateway).AUTH_PUBLIC_KEY).toMatch(/^\$\{AUTH_PUBLIC_KEY:\?[^}]+\}$/);
    const resolved = resolvedEnvironmentOf(COMPOSE.services.events, sampleDeployment());
    expect(resolved.DATABASE_URL).toBe('postgres://zilv:sample-postgres-password@postgres:5432/zilv');
    expect(resolved.REDIS_URL).toBe('redis://:sample-redis-password@redis:6379');
  });

  it('gives the private signing key to membership only', () => {
    expect(privateKeyProblems(COMPOSE)).toEqual([]);
  });

  it("keeps membership's evidence files on a named volume, in a directory the image prepares for the process user", () => {
    expect(attachmentsProblems(COMPOSE, sampleDeployment())).toEqual([]);
    const dir = resolvedEnvironmentOf(COMPOSE.services.membership, sampleDeployment()).ATTACHMENTS_DIR;
    expect(readFileSync(join(ROOT, 'docker', 'Dockerfile'), 'utf8')).toMatch(new RegExp(`chown node:node ${dir.replace(/\//g, '\\/')}`));
  });

  it('runs PostgreSQL 18 on a named volume with a pg_isready healthcheck', () => {
    expect(postgresProblems(COMPOSE)).toEqual([]);
    const postgres = resolvedEnvironmentOf(COMPOSE.services.postgres, sampleDeployment());
    // The role and database the apps' DATABASE_URL names are the ones PostgreSQL creates.
    const url = new URL(resolvedEnvironmentOf(COMPOSE.services.membership, sampleDeployment()).DATABASE_URL);
    expect({ user: url.username, password: url.password, database: url.pathname.slice(1), host: url.hostname }).toEqual({
      user: postgres.POSTGRES_USER,
      password: postgres.POSTGRES_PASSWORD,
      database: postgres.POSTGRES_DB,
      host: 'postgres',
    });
  });

  it('runs Redis append-only (fsync every second) with noeviction, password from the environment', () => {
    expect(redisProblems(COMPOSE)).toEqual([]);
    const deployment = sampleDeployment();
    const command = (COMPOSE.services.redis.command as string[]).map((token) => interpolate(token, deployment));
    expect(command[command.indexOf('--requirepass') + 1]).toBe(new URL(resolvedEnvironmentOf(COMPOSE.services.gateway, deployment).REDIS_URL).password);
  });

  it('migrates once, before any app starts', () => {
    expect(migrateProblems(COMPOSE)).toEqual([]);
  });

  it('starts apps on healthy PostgreSQL and Redis, and the gateway on healthy subgraphs', () => {
    expect(dependencyProblems(COMPOSE)).toEqual([]);
  });

  it('gives every long-running service a healthcheck', () => {
    expect(healthcheckProblems(COMPOSE)).toEqual([]);
  });

  it("runs the apps' healthcheck: healthy only when /health/ready answers 2xx", async () => {
    const test = COMPOSE.services.membership.healthcheck?.test as string[];
    expect(test[0]).toBe('CMD');
    for (const app of APP_NAMES) expect(COMPOSE.services[app].healthcheck?.test).toEqual(test);
    await expect(healthcheckOutcomes(test.slice(1), {})).resolves.toEqual({ ready: 0, unavailable: 1, down: 1 });
  });

  it('publishes the gateway only', () => {
    expect(publishedPortProblems(COMPOSE)).toEqual([]);
  });

  it('builds every process from the one image', () => {
    expect(imageProblems(COMPOSE)).toEqual([]);
    expect(existsSync(join(ROOT, 'docker', 'Dockerfile'))).toBe(true);
  });

  it('points the gateway at each subgraph by service name and on the port that service listens on', () => {
    expect(subgraphUrlProblems(COMPOSE)).toEqual([]);
    for (const service of SERVICE_NAMES) {
      expect(environmentOf(COMPOSE.services[service]).PORT).toBe(String(DEFAULT_PORTS[service]));
    }
  });

  it('agrees with the checked-in supergraph the image serves: same subgraph names and URLs', () => {
    const supergraph = readFileSync(join(ROOT, 'schema', 'supergraph.graphql'), 'utf8');
    const graphs = [...supergraph.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(([, name, url]) => [name, url]);
    const gateway = environmentOf(COMPOSE.services.gateway);
    // The gateway routes by subgraph name to SUBGRAPH_<NAME>_URL, so every name must be a service.
    expect(Object.fromEntries(graphs)).toEqual(
      Object.fromEntries(SERVICE_NAMES.map((service) => [service, gateway[`SUBGRAPH_${service.toUpperCase()}_URL`]])),
    );
  });
});

describe('the compose checks catch what they guard', () => {
  const cases: Array<[string, (compose: ComposeFile) => void, (compose: ComposeFile) => string[], string]> = [
    ['a missing app service', (c) => delete c.services.events, appServiceProblems, 'events: no service'],
    ['an app running another app', (c) => (env(c, 'standards').APP = 'events'), appServiceProblems, 'standards: APP is events'],
    ['an app not in production', (c) => (env(c, 'gateway').NODE_ENV = 'development'), appServiceProblems, 'gateway: NODE_ENV is development'],
    [
      'membership without its private key',
      (c) => delete env(c, 'membership').AUTH_PRIVATE_KEY,
      (c) => missingVariableProblems(c, 'membership', PRODUCTION_ONLY.membership),
      'membership: AUTH_PRIVATE_KEY is not provided',
    ],
    [
      'an app without REDIS_URL',
      (c) => delete env(c, 'events').REDIS_URL,
      (c) => missingVariableProblems(c, 'events', requiredVariables(EventsConfig)),
      'events: REDIS_URL is not provided',
    ],
    [
      'a password written into DATABASE_URL',
      (c) => (env(c, 'enforcement').DATABASE_URL = 'postgres://zilv:hunter2@postgres:5432/zilv'),
      (c) => literalSecretProblems(c, ''),
      'enforcement: the password in DATABASE_URL',
    ],
    [
      'a REDIS_URL without a password',
      (c) => (env(c, 'gateway').REDIS_URL = 'redis://redis:6379'),
      (c) => literalSecretProblems(c, ''),
      'gateway: REDIS_URL carries no password',
    ],
    [
      'a key written into the file',
      (c) => (env(c, 'gateway').AUTH_PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----'),
      (c) => literalSecretProblems(c, ''),
      'gateway: AUTH_PUBLIC_KEY is not a required',
    ],
    [
      'a key with a default',
      (c) => (env(c, 'events').AUTH_PUBLIC_KEY = '${AUTH_PUBLIC_KEY:-development}'),
      (c) => literalSecretProblems(c, ''),
      'events: AUTH_PUBLIC_KEY is not a required',
    ],
    [
      'a literal Redis password',
      (c) => (c.services.redis.command = ['redis-server', '--requirepass', 'hunter2']),
      (c) => literalSecretProblems(c, ''),
      'redis: --requirepass',
    ],
    [
      'the private key given to the gateway',
      (c) => (env(c, 'gateway').AUTH_PRIVATE_KEY = '${AUTH_PRIVATE_KEY:?required}'),
      privateKeyProblems,
      'gateway: receives AUTH_PRIVATE_KEY',
    ],
    [
      'Redis evicting keys',
      (c) => (c.services.redis.command = (c.services.redis.command as string[]).map((t) => (t === 'noeviction' ? 'allkeys-lru' : t))),
      redisProblems,
      'redis: --maxmemory-policy is allkeys-lru',
    ],
    [
      'Redis without the append-only file',
      (c) => (c.services.redis.command = 'redis-server --maxmemory-policy noeviction'),
      redisProblems,
      'redis: --appendonly is unset',
    ],
    [
      'evidence files inside the container',
      (c) => delete c.services.membership.volumes,
      (c) => attachmentsProblems(c, sampleDeployment()),
      'membership: no volume mounted at /var/lib/zilv/attachments',
    ],
    [
      'PostgreSQL 18 data mounted at the old path',
      (c) => (c.services.postgres.volumes = ['postgres-data:/var/lib/postgresql/data']),
      postgresProblems,
      'postgres: no volume mounted at /var/lib/postgresql',
    ],
    ['a migration that restarts', (c) => (c.services.migrate.restart = 'on-failure'), migrateProblems, 'migrate: restart is on-failure'],
    [
      'an app that only waits for migrate to start',
      (c) => (c.services.standards.depends_on = { ...(c.services.standards.depends_on as object), migrate: { condition: 'service_started' } }),
      migrateProblems,
      'standards: waits for migrate with service_started',
    ],
    [
      'a gateway that waits for nothing to be healthy',
      (c) => (c.services.gateway.depends_on = ['postgres', 'redis', 'migrate', ...SERVICE_NAMES]),
      dependencyProblems,
      'gateway: does not wait for membership to be healthy',
    ],
    ['a service without healthcheck', (c) => delete c.services.events.healthcheck, healthcheckProblems, 'events: no healthcheck'],
    ['a disabled healthcheck', (c) => (c.services.redis.healthcheck = { disable: true }), healthcheckProblems, 'redis: no healthcheck'],
    ['a published subgraph', (c) => (c.services.membership.ports = ['3001:3001']), publishedPortProblems, 'membership: publishes 3001'],
    ['a published database', (c) => (c.services.postgres.ports = ['${PG_PORT:-5432}:5432']), publishedPortProblems, 'postgres: publishes 5432'],
    ['the gateway published on another port', (c) => (c.services.gateway.ports = ['3000:8080']), publishedPortProblems, 'gateway: publishes 8080'],
    ['a service on another image', (c) => (c.services.events.image = 'zilv-events:latest'), imageProblems, 'events: image zilv-events:latest'],
    ['a service built differently', (c) => (c.services.migrate.build = '.'), imageProblems, 'migrate: build differs'],
    [
      'a subgraph URL on the wrong port',
      (c) => (env(c, 'gateway').SUBGRAPH_STANDARDS_URL = 'http://standards:3002/graphql'),
      subgraphUrlProblems,
      'gateway: SUBGRAPH_STANDARDS_URL uses port 3002, but standards listens on 3003',
    ],
    [
      'a subgraph URL on localhost',
      (c) => (env(c, 'gateway').SUBGRAPH_EVENTS_URL = 'http://127.0.0.1:3004/graphql'),
      subgraphUrlProblems,
      'gateway: SUBGRAPH_EVENTS_URL points at 127.0.0.1',
    ],
    [
      'a subgraph that moved port without the gateway',
      (c) => (env(c, 'membership').PORT = '4001'),
      subgraphUrlProblems,
      'but membership listens on 4001',
    ],
  ];

  it.each(cases)('%s', (_description, change, check, problem) => {
    expect(check(COMPOSE)).toEqual([]);
    expect(check(brokenCopy(change))).toContainEqual(expect.stringContaining(problem));
  });

  it('the text scan catches a secret with a default anywhere, and key material anywhere', () => {
    const withDefault = COMPOSE_TEXT.replace('${REDIS_PASSWORD:?set REDIS_PASSWORD}\n', '${REDIS_PASSWORD:-zilv}\n');
    expect(withDefault).not.toBe(COMPOSE_TEXT);
    expect(literalSecretProblems(COMPOSE, withDefault)).toEqual(['${REDIS_PASSWORD:-zilv}: a secret must not have a default']);
    const withKey = `${COMPOSE_TEXT}\n# -----BEGIN PRIVATE KEY-----\n`;
    expect(literalSecretProblems(COMPOSE, withKey)).toEqual(['the file contains key material']);
  });

  it('config validation catches a misspelt variable and a wrong value', () => {
    const environment = resolvedEnvironmentOf(COMPOSE.services.gateway, sampleDeployment());
    const { SUBGRAPH_MEMBERSHIP_URL: url, ...rest } = environment;
    expect(configProblems(GatewayConfig, { ...rest, SUBGRAPH_MEMBERHSIP_URL: url })).toEqual([
      'SUBGRAPH_MEMBERHSIP_URL: not a variable of GatewayConfig',
      'SUBGRAPH_MEMBERSHIP_URL: matches',
    ]);
    expect(configProblems(GatewayConfig, { ...environment, SUPERGRAPH_SOURCE: 'files' })).toEqual(['SUPERGRAPH_SOURCE: isIn']);
    const { AUTH_PRIVATE_KEY: _key, ...withoutKey } = resolvedEnvironmentOf(COMPOSE.services.membership, sampleDeployment());
    expect(configProblems(MembershipConfig, withoutKey)).toEqual(['AUTH_PRIVATE_KEY: required in production (development keys are refused)']);
  });

  it('the YAML merge keys are resolved, not read as plain keys', () => {
    expect(Object.keys(COMPOSE.services.gateway)).not.toContain('<<');
    expect(parseCompose('services:\n  a: &a\n    image: x\n  b:\n    <<: *a\n').services.b.image).toBe('x');
  });
});

describe('docker/Dockerfile', () => {
  const final = finalStage(DOCKERFILE)!;

  it('builds in stages on Node 20, installing with npm ci, running as non-root in production', () => {
    expect(DOCKERFILE.stages.length).toBeGreaterThanOrEqual(2);
    expect(DOCKERFILE.stages.filter((stage) => !DOCKERFILE.stages.some((other) => other.name === stage.from)).map((s) => s.base)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^node:20\.\d+\.\d+-bookworm-slim$/)]),
    );
    expect(dockerfileProblems(DOCKERFILE)).toEqual([]);
    expect(environmentOfStage(DOCKERFILE, final).NODE_ENV).toBe('production');
    expect(instructionsOf(DOCKERFILE, final, 'USER').pop()).toBe('node');
  });

  it('keeps the Node version the project declares', () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const [, minimum] = /^>=\s*20\.(\d+)/.exec(engines) ?? [];
    const [, minor] = /^node:20\.(\d+)/.exec(final.base) ?? [];
    expect(Number(minor)).toBeGreaterThanOrEqual(Number(minimum));
  });

  it('puts the supergraph where the gateway reads it (relative to the working directory)', () => {
    const workdir = instructionsOf(DOCKERFILE, final, 'WORKDIR').pop();
    expect(workdir).toBe('/app');
    expect(new GatewayConfig().SUPERGRAPH_FILE).toBe('schema/supergraph.graphql');
    expect(DOCKERFILE_TEXT).toMatch(/^COPY --from=build \/app\/schema \.\/schema$/m);
    expect(DOCKERFILE_TEXT).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
  });

  describe('the entrypoint', () => {
    let bin: string;
    const entrypoint = execForm(instructionsOf(DOCKERFILE, final, 'ENTRYPOINT').pop() ?? '[]');

    beforeAll(() => {
      // A stand-in `node` that prints its arguments shows what the entrypoint would run.
      bin = mkdtempSync(join(tmpdir(), 'zilv-entrypoint-'));
      writeFileSync(join(bin, 'node'), '#!/bin/sh\nprintf "%s\\n" "$@"\n');
      chmodSync(join(bin, 'node'), 0o755);
    });

    afterAll(() => rmSync(bin, { recursive: true, force: true }));

    function run(app: string | undefined, ...args: string[]): { status: number | null; lines: string[]; stderr: string } {
      const environment: Record<string, string> = { PATH: `${bin}:${process.env.PATH ?? ''}` };
      if (app !== undefined) environment.APP = app;
      const result = spawnSync(entrypoint[0], [...entrypoint.slice(1), ...args], { env: environment, encoding: 'utf8' });
      return { status: result.status, lines: result.stdout.split('\n').filter(Boolean), stderr: result.stderr };
    }

    it.each(APP_NAMES)('runs %s from dist/ with the alias hook', (app) => {
      expect(run(app)).toEqual({
        status: 0,
        lines: ['--enable-source-maps', '-r', './dist/register-aliases.js', `dist/apps/${app}/src/main.js`],
        stderr: '',
      });
      expect(existsSync(join(ROOT, 'apps', app, 'src', 'main.ts'))).toBe(true);
    });

    it('runs the migration, passing arguments on', () => {
      expect(run('migrate', '--revert', 'membership').lines).toEqual([
        '--enable-source-maps',
        '-r',
        './dist/register-aliases.js',
        'dist/scripts/migrate.js',
        '--revert',
        'membership',
      ]);
      expect(existsSync(join(ROOT, 'scripts', 'migrate.ts'))).toBe(true);
      expect(readFileSync(join(ROOT, 'scripts', 'build.js'), 'utf8')).toContain("'register-aliases.js'");
    });

    it('runs the gateway by default and refuses an unknown APP', () => {
      expect(environmentOfStage(DOCKERFILE, final).APP).toBe('gateway');
      const unknown = run('worker');
      expect(unknown.status).toBe(64);
      expect(unknown.lines).toEqual([]);
      expect(unknown.stderr).toContain("got 'worker'");
    });

    it('replaces the shell with node, so node receives the stop signal', () => {
      const script = entrypoint[2];
      expect(entrypoint.slice(0, 2)).toEqual(['/bin/sh', '-c']);
      expect(script.match(/\bnode\b/g)?.length).toBe(script.match(/\bexec node\b/g)?.length);
    });

    it('serves every APP the compose file sets', () => {
      for (const name of Object.keys(COMPOSE.services).filter((s) => COMPOSE.services[s].build)) {
        expect(run(environmentOf(COMPOSE.services[name]).APP).status).toBe(0);
      }
    });
  });

  it('has a healthcheck that asks /health/ready on the default port of the app', async () => {
    const [check] = instructionsOf(DOCKERFILE, final, 'HEALTHCHECK');
    const command = healthcheckExecForm(check);
    const defaults = /\{([^}]*)\}\[process\.env\.APP\]/.exec(command[2])?.[1] ?? '';
    const ports = Object.fromEntries(defaults.split(',').map((pair) => pair.split(':').map((part) => part.trim())).map(([k, v]) => [k, Number(v)]));
    expect(ports).toEqual(DEFAULT_PORTS);
    await expect(healthcheckOutcomes(command, { APP: 'membership' })).resolves.toEqual({ ready: 0, unavailable: 1, down: 1 });
  });
});

describe('the Dockerfile checks catch what they guard', () => {
  function broken(change: (text: string) => string): Dockerfile {
    const changed = change(DOCKERFILE_TEXT);
    expect(changed).not.toBe(DOCKERFILE_TEXT);
    return parseDockerfile(changed);
  }

  it.each<[string, (text: string) => string, string]>([
    ['a single stage', (t) => `FROM node:20.20.2-bookworm-slim\n${t.replace(/^FROM .*$/gm, '')}`, 'stage(s): the image must be built in stages'],
    ['running as root', (t) => t.replace(/^USER node$/m, ''), 'the runtime stage runs as root'],
    ['running as uid 0', (t) => t.replace(/^USER node$/m, 'USER 0:0'), 'the runtime stage runs as 0:0'],
    ['no NODE_ENV', (t) => t.replace('NODE_ENV=production', 'NODE_ENV=development'), 'NODE_ENV=development'],
    ['npm install instead of npm ci', (t) => t.replace(/npm ci/g, 'npm install'), 'no stage installs with npm ci'],
    ['dev dependencies at run time', (t) => t.replace('COPY --from=prod-deps /app/node_modules', 'COPY --from=deps /app/node_modules'), 'node_modules comes from deps'],
    ['no dependencies at run time', (t) => t.replace(/^COPY --from=prod-deps .*$/m, ''), 'no node_modules from npm ci --omit=dev'],
    ['no schema', (t) => t.replace(/^COPY --from=build \/app\/schema .*$/m, ''), 'does not copy schema/'],
    ['another Node', (t) => t.replace(/node:20\.20\.2/, 'node:22.12.0'), 'expected node:20'],
  ])('%s', (_description, change, problem) => {
    expect(dockerfileProblems(broken(change))).toContainEqual(expect.stringContaining(problem));
  });
});

describe('.dockerignore', () => {
  const ignored = dockerIgnore(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));

  it.each([
    '.env',
    '.env.production',
    '.data/keys/development-signing-key.json',
    'node_modules/yaml/package.json',
    'dist/apps/gateway/src/main.js',
    '.git/config',
    'test/production-shape/compose-file.spec.ts',
    'apps/gateway/src/limits/__tests__/query-depth.rule.spec.ts',
    'libs/voting/src/__tests__/tally.spec.ts',
    'docker-compose.yml',
  ])('keeps %s out of the build context', (path) => {
    expect(ignored(path)).toBe(true);
  });

  it.each([
    'package.json',
    'package-lock.json',
    'apps/gateway/src/main.ts',
    'libs/config/src/service-config.ts',
    'migrations/index.ts',
    'scripts/build.js',
    'scripts/migrate.ts',
    'schema/supergraph.graphql',
  ])('sends %s to the build', (path) => {
    expect(ignored(path)).toBe(false);
  });

  it('matches as Docker does: the last matching pattern wins, parents count', () => {
    const rules = dockerIgnore('*\n!apps\n**/__tests__\n');
    expect([rules('README.md'), rules('apps/a/src/main.ts'), rules('apps/a/src/__tests__/x.ts')]).toEqual([true, false, true]);
  });
});
