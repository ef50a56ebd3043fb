export * from './credit-code.validation';
export * from './is-credit-code.decorator';
export * from './credit-code.scalar';
