import { z } from 'zod';

import { defineEvent } from '../event-definition';

/**
 * A federation launched a wage-bargaining season 工资集体协商要约行动季 for its unit: a target
 * count of requests to negotiate by the unions of its subtree between `from` and `to`.
 */
export const BargainingSeasonLaunchedV1 = defineEvent(
  'BargainingSeasonLaunched',
  1,
  z.object({
    seasonId: z.string().min(1),
    orgUnitId: z.string().min(1),
    name: z.string().min(1),
    from: z.iso.date(),
    to: z.iso.date(),
    targetRequests: z.number().int().positive(),
  }),
);
