import 'reflect-metadata';

const SECRET_KEYS = Symbol('zilv:config:secrets');

/** Marks a config property whose value must never be logged or shown. */
export function Secret(): PropertyDecorator {
  return (target, key) => {
    const existing: string[] = Reflect.getMetadata(SECRET_KEYS, target) ?? [];
    Reflect.defineMetadata(SECRET_KEYS, [...existing, String(key)], target);
  };
}

export function secretKeysOf(config: object): string[] {
  return Reflect.getMetadata(SECRET_KEYS, Object.getPrototypeOf(config)) ?? [];
}
