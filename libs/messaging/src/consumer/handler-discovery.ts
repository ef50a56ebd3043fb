import type { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

export interface DiscoveredHandler<TName extends string> {
  name: TName;
  owner: string;
  invoke: (...args: unknown[]) => Promise<unknown>;
}

/** Finds every provider method carrying `metadataKey` and groups them by the name it holds. */
export function discoverHandlers<TName extends string>(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
  metadataKey: string,
): Map<TName, DiscoveredHandler<TName>[]> {
  const found = new Map<TName, DiscoveredHandler<TName>[]>();
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    for (const methodName of scanner.getAllMethodNames(prototype)) {
      const method = instance[methodName];
      if (typeof method !== 'function') continue;
      const name = reflector.get<TName | undefined>(metadataKey, method as (...a: unknown[]) => unknown);
      if (!name) continue;
      const handler: DiscoveredHandler<TName> = {
        name,
        owner: `${instance.constructor.name}.${methodName}`,
        invoke: (...args) => (method as (...a: unknown[]) => Promise<unknown>).apply(instance, args),
      };
      found.set(name, [...(found.get(name) ?? []), handler]);
    }
  }
  return found;
}

/**
 * Start-up check: every expected name has exactly one handler, and no handler waits for a name this
 * service was not given. Throws with every problem listed.
 */
export function assertOneHandlerEach<TName extends string>(
  kind: string,
  service: string,
  expected: readonly TName[],
  found: Map<TName, DiscoveredHandler<TName>[]>,
): void {
  const problems: string[] = [];
  for (const name of expected) {
    const handlers = found.get(name) ?? [];
    if (handlers.length === 0) problems.push(`${name} has no ${kind} handler in ${service}`);
    if (handlers.length > 1) problems.push(`${name} has ${handlers.length} ${kind} handlers in ${service}: ${handlers.map((h) => h.owner).join(', ')}`);
  }
  for (const [name, handlers] of found) {
    if (!expected.includes(name)) {
      problems.push(`${handlers.map((h) => h.owner).join(', ')} handles ${name}, which the catalog does not route to ${service}`);
    }
  }
  if (problems.length > 0) throw new Error(`Messaging set-up of ${service} is inconsistent:\n  - ${problems.join('\n  - ')}`);
}
