import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationTypes } from 'class-validator';
import { secretKeysOf } from './secret.decorator';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

type ConfigClass<T> = new () => T;

/**
 * Reads environment variables into a validated config object and fails start-up with a list of every
 * problem. Messages name the variable and the rule, never the value, so secrets cannot leak.
 */
export function loadConfig<T extends object>(configClass: ConfigClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  const source: Record<string, string> = {};
  for (const key of configVariables(configClass)) {
    const value = env[key];
    if (value !== undefined && value !== '') source[key] = value;
  }
  const config = plainToInstance(configClass, source, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  const problems = errors.map((e) => `${e.property}: ${Object.keys(e.constraints ?? { invalid: '' }).join(', ')}`);
  const extra = (config as { validateCombination?: () => string[] }).validateCombination?.() ?? [];
  if (problems.length + extra.length > 0) throw new ConfigValidationError([...problems, ...extra]);
  return config;
}

/** The config with secret values replaced, safe to log. */
export function redactConfig(config: object): Record<string, unknown> {
  const secrets = new Set(secretKeysOf(config));
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, secrets.has(key) && value !== undefined ? '[redacted]' : value]),
  );
}

/** Every variable the class reads: properties with a default or with validation rules. */
export function configVariables<T extends object>(configClass: ConfigClass<T>): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(configClass, '', true, false);
  return [...new Set([...Object.keys(new configClass()), ...metadata.map((m) => m.propertyName)])].sort();
}

/**
 * Variables a deployment must provide: properties with validation rules, no default and no
 * `@IsOptional()`. The compose-file test checks these against docker-compose.yml.
 */
export function requiredVariables<T extends object>(configClass: ConfigClass<T>): string[] {
  const defaults = new configClass() as Record<string, unknown>;
  const metadata = getMetadataStorage().getTargetValidationMetadatas(configClass, '', true, false);
  const properties = new Set(metadata.map((m) => m.propertyName));
  const optional = new Set(
    metadata.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.propertyName),
  );
  return [...properties].filter((p) => !optional.has(p) && defaults[p] === undefined).sort();
}
