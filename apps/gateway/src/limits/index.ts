export * from './limit.errors';
export * from './query-depth.rule';
export * from './query-aliases.rule';
export * from './query-cost.rule';
export * from './query-cost.plugin';
export * from './field-suggestions.util';
export * from './rate-limiter.service';
