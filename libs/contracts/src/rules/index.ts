import type { EventOf } from '../event-definition';
import type { RuleSetAmendedV1 } from './rule-set-amended.v1';

export * from './rule-set-amended.v1';
export * from './rule-values';

export type RuleSetAmended = EventOf<typeof RuleSetAmendedV1>;
