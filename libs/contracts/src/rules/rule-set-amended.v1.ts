import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { RuleChangesSchema, RuleRegionSchema } from './rule-values';

/**
 * An admin amended a region's rule set (DESIGN §9): version `version` holds from `effectiveFrom`
 * (a business date) with `changes` over the version before. Any service that mounts the rules
 * module records it in its own store and publishes it on its own topic.
 */
export const RuleSetAmendedV1 = defineEvent(
  'RuleSetAmended',
  1,
  z.object({
    region: RuleRegionSchema,
    version: z.number().int().min(2),
    effectiveFrom: z.iso.date(),
    changes: RuleChangesSchema,
    reason: z.string().min(1),
  }),
);
