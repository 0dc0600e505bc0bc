export * from './decider-specification';
export * from './test-database';
export * from './test-infrastructure';
export * from './test-topics';
