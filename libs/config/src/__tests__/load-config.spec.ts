import { generateKeyPairSync } from 'node:crypto';
import { IsOptional, IsString, Matches } from 'class-validator';
import { ConfigValidationError, configVariables, loadConfig, redactConfig, requiredVariables } from '../load-config';
import { Secret } from '../secret.decorator';
import { CommonConfig, DEFAULT_PORTS, ServiceConfig } from '../service-config';

class WorkerConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS.events;
}

class SigningServiceConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS.membership;

  @IsOptional()
  @Matches(/^-----BEGIN PRIVATE KEY-----/)
  @Secret()
  SIGNING_KEY?: string;

  @IsString()
  @Secret()
  WEBHOOK_TOKEN: string = 'dev-webhook-token';
}

class ToolConfig extends CommonConfig {}

const PUBLIC_KEY_PEM = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

const BASE_ENV = {
  DATABASE_URL: 'postgres://zilv:db-password-1@localhost:5432/zilv',
  REDIS_URL: 'redis://:redis-password-1@localhost:6379',
};

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).problems;
  }
  throw new Error('expected loadConfig to refuse the environment');
}

describe('loadConfig', () => {
  it('converts numeric variables from their string form', () => {
    const config = loadConfig(WorkerConfig, { ...BASE_ENV, PORT: '4100', DATABASE_POOL_SIZE: '25', EVENT_DELIVERY_ATTEMPTS: '3' });
    expect(config.PORT).toBe(4100);
    expect(config.DATABASE_POOL_SIZE).toBe(25);
    expect(config.EVENT_DELIVERY_ATTEMPTS).toBe(3);
  });

  it('applies defaults for absent and empty variables', () => {
    const config = loadConfig(WorkerConfig, { ...BASE_ENV, LOG_LEVEL: '', QUEUE_PREFIX: '' });
    expect(config).toBeInstanceOf(WorkerConfig);
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      QUEUE_PREFIX: 'zilv',
      PORT: DEFAULT_PORTS.events,
      DATABASE_POOL_SIZE: 10,
      OUTBOX_POLL_INTERVAL_MS: 1000,
      EVENT_DELIVERY_ATTEMPTS: 8,
      MESSAGING_FAULT_PAUSE_BEFORE_COMMIT_MS: 0,
    });
    expect(config.AUTH_PUBLIC_KEY).toBeUndefined();
    expect(config.isProduction).toBe(false);
  });

  it('ignores variables the class does not declare', () => {
    const config = loadConfig(WorkerConfig, { ...BASE_ENV, HOME: '/root', AWS_SECRET_ACCESS_KEY: 'x' });
    expect(config).not.toHaveProperty('HOME');
    expect(config).not.toHaveProperty('AWS_SECRET_ACCESS_KEY');
  });

  it('lists every missing required variable by name', () => {
    const problems = problemsOf(() => loadConfig(WorkerConfig, {}));
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'REDIS_URL']);
  });

  it('names an out-of-range number and the rule it breaks', () => {
    const problems = problemsOf(() => loadConfig(WorkerConfig, { ...BASE_ENV, PORT: '70000', DATABASE_POOL_SIZE: 'many' }));
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^PORT: .*max/), expect.stringMatching(/^DATABASE_POOL_SIZE: .*isInt/)]));
  });

  it('never puts the value of an invalid variable into the error', () => {
    const secret = 'Sup3r-S3cret-pa55word';
    let message = '';
    const problems = problemsOf(() => {
      try {
        return loadConfig(WorkerConfig, {
          DATABASE_URL: `mysql://zilv:${secret}@db:3306/zilv`,
          REDIS_URL: `http://:${secret}@cache:6379`,
          PORT: secret,
          AUTH_PUBLIC_KEY: secret,
        });
      } catch (error) {
        message = (error as Error).message;
        throw error;
      }
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['AUTH_PUBLIC_KEY', 'DATABASE_URL', 'PORT', 'REDIS_URL']);
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain(secret);
    expect(problems.join('\n')).not.toContain(secret);
  });

  it('refuses production without AUTH_PUBLIC_KEY', () => {
    const problems = problemsOf(() => loadConfig(ToolConfig, { NODE_ENV: 'production', REDIS_URL: BASE_ENV.REDIS_URL }));
    expect(problems).toEqual([expect.stringMatching(/^AUTH_PUBLIC_KEY: required in production/)]);
  });

  it('accepts production with a PEM public key', () => {
    const config = loadConfig(WorkerConfig, { ...BASE_ENV, NODE_ENV: 'production', AUTH_PUBLIC_KEY: PUBLIC_KEY_PEM });
    expect(config.isProduction).toBe(true);
    expect(config.AUTH_PUBLIC_KEY).toBe(PUBLIC_KEY_PEM);
  });

  it('allows a missing AUTH_PUBLIC_KEY outside production', () => {
    expect(() => loadConfig(ToolConfig, { NODE_ENV: 'test', REDIS_URL: BASE_ENV.REDIS_URL })).not.toThrow();
  });

  it.each(['MESSAGING_FAULT_PAUSE_BEFORE_COMMIT_MS', 'MESSAGING_FAULT_PAUSE_AFTER_COMMIT_MS'])('refuses %s in production', (variable) => {
    const env = { ...BASE_ENV, NODE_ENV: 'production', AUTH_PUBLIC_KEY: PUBLIC_KEY_PEM, [variable]: '500' };
    expect(problemsOf(() => loadConfig(WorkerConfig, env))).toEqual([expect.stringMatching(/^MESSAGING_FAULT_\*: .*refused in production/)]);
  });

  it('allows fault injection outside production', () => {
    const config = loadConfig(WorkerConfig, { ...BASE_ENV, NODE_ENV: 'test', MESSAGING_FAULT_PAUSE_AFTER_COMMIT_MS: '500' });
    expect(config.MESSAGING_FAULT_PAUSE_AFTER_COMMIT_MS).toBe(500);
  });

  it('reports field and combination problems together', () => {
    const problems = problemsOf(() => loadConfig(WorkerConfig, { NODE_ENV: 'production', MESSAGING_FAULT_PAUSE_BEFORE_COMMIT_MS: '1' }));
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['AUTH_PUBLIC_KEY', 'DATABASE_URL', 'MESSAGING_FAULT_*', 'REDIS_URL']);
  });
});

describe('redactConfig', () => {
  it('redacts @Secret values, inherited ones included, and keeps the rest', () => {
    const config = loadConfig(SigningServiceConfig, { ...BASE_ENV, SIGNING_KEY: '-----BEGIN PRIVATE KEY-----abc' });
    const redacted = redactConfig(config);
    expect(redacted).toMatchObject({
      DATABASE_URL: '[redacted]',
      REDIS_URL: '[redacted]',
      SIGNING_KEY: '[redacted]',
      WEBHOOK_TOKEN: '[redacted]',
      PORT: DEFAULT_PORTS.membership,
      QUEUE_PREFIX: 'zilv',
    });
    const text = JSON.stringify(redacted);
    expect(text).not.toContain('db-password-1');
    expect(text).not.toContain('redis-password-1');
    expect(text).not.toContain('dev-webhook-token');
  });

  it('leaves an absent secret absent instead of pretending it is set', () => {
    const redacted = redactConfig(loadConfig(SigningServiceConfig, BASE_ENV));
    expect(redacted.SIGNING_KEY).toBeUndefined();
  });

  it('redacts the service secrets of a class that declares none itself', () => {
    const redacted = redactConfig(loadConfig(WorkerConfig, BASE_ENV));
    expect(redacted).toMatchObject({ DATABASE_URL: '[redacted]', REDIS_URL: '[redacted]', LOG_LEVEL: 'info' });
  });
});

describe('requiredVariables', () => {
  it('lists DATABASE_URL and REDIS_URL for a service', () => {
    expect(requiredVariables(WorkerConfig)).toEqual(['DATABASE_URL', 'REDIS_URL']);
  });

  it('leaves out variables with a default or @IsOptional', () => {
    const required = requiredVariables(SigningServiceConfig);
    expect(required).toEqual(['DATABASE_URL', 'REDIS_URL']);
    expect(required).not.toContain('AUTH_PUBLIC_KEY');
    expect(required).not.toContain('SIGNING_KEY');
    expect(required).not.toContain('WEBHOOK_TOKEN');
  });

  it('requires PORT when the service class gives no default', () => {
    abstract class NoPortConfig extends ServiceConfig {}
    expect(requiredVariables(NoPortConfig as unknown as new () => ServiceConfig)).toEqual(['DATABASE_URL', 'PORT', 'REDIS_URL']);
  });
});

describe('configVariables', () => {
  it('lists every variable the class reads, optional and defaulted ones included', () => {
    const variables = configVariables(SigningServiceConfig);
    expect(variables).toEqual(expect.arrayContaining(['AUTH_PUBLIC_KEY', 'DATABASE_URL', 'PORT', 'SIGNING_KEY', 'WEBHOOK_TOKEN', 'NODE_ENV']));
    expect(variables).not.toContain('isProduction');
  });
});
