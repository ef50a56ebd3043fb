export * from './secret.decorator';
export * from './load-config';
export * from './service-config';
export * from './dev-keys';
