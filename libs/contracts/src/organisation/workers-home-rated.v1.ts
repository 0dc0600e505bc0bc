import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** 职工之家 / 模范职工之家: the titles a federation confers on a union's Workers' Home. */
export const WorkersHomeTitleSchema = z.enum(['workers_home', 'model_workers_home']);

/** A federation rated a union's Workers' Home for a year (职工之家建设). */
export const WorkersHomeRatedV1 = defineEvent(
  'WorkersHomeRated',
  1,
  z.object({
    unionId: z.string().min(1),
    year: z.number().int().min(1950).max(2200),
    title: WorkersHomeTitleSchema,
    awardedByOrgUnitId: z.string().min(1),
    awardedOn: z.iso.date(),
  }),
);
