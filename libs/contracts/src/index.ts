export * from './encrypted-value';
export * from './envelope';
export * from './event-definition';
export * from './event-registry';
export * from './organisation';
export * from './rights';
export * from './rules';
export * from './topics';
