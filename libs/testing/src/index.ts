export * from './decider-specification';
export * from './eventually';
export * from './test-database';
export * from './test-infrastructure';
export * from './test-topics';
export * from './http-client';
export * from './service-process';
export * from './running-services';
