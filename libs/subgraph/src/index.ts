export * from './subgraph.module';
export * from './bootstrap';
export * from './health.controller';
export * from './logging';
export * from './request-context.middleware';
