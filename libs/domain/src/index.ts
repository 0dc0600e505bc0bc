export * from './business-date';
export * from './date-rules';
export * from './dated-change.schema';
export * from './domain-error';
export * from './text.schema';
