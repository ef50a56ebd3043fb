export * from './test-infrastructure';
export * from './test-database';
export * from './app-process';
export * from './graphql-client';
export * from './factories';
export * from './stack';
export * from './queues';
export * from './in-process';
