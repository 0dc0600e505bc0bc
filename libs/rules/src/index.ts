export * from './national-rules';
export * from './nest/amend-rule-set.dto';
export * from './nest/rules.module';
export * from './rule-sets.decider';
export * from './rule-sets.state';
export * from './rule-sets.store';
export * from './rules-in-force';
export * from './under-rules';
