export * from './errors/domain-error';
export * from './context/request-context';
export * from './errors/graphql-error-formatter';
export * from './credit-code';
export * from './pagination';
export * from './personal-data/masking';
export * from './calendar/calendar-date';
