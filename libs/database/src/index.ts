export * from './snake-naming.strategy';
export * from './data-source.factory';
export * from './update-returning';
