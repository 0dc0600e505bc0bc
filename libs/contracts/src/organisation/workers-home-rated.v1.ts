import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** 职工之家 / 模范职工之家: the titles a federation confers on a union's Workers' Home. */
export const WorkersHomeTitleSchema = z.enum(['workers_home', 'model_workers_home']);

/** The titles a rating can carry: a union's, and 职工小家 (a branch union's small home). */
export const RatedWorkersHomeTitleSchema = z.enum([
  'workers_home',
  'model_workers_home',
  'workers_small_home',
]);

/**
 * A federation rated a union's Workers' Home for a year (职工之家建设). A 职工小家 is rated at a
 * branch union (分工会) or union group of the union: `branchId` names it, and the rating still
 * counts under the union (reporting needs no branch to count it).
 */
export const WorkersHomeRatedV1 = defineEvent(
  'WorkersHomeRated',
  1,
  z.object({
    unionId: z.string().min(1),
    year: z.number().int().min(1950).max(2200),
    title: RatedWorkersHomeTitleSchema,
    /** The branch unit rated (a 职工小家); absent for a rating of the union itself. */
    branchId: z.string().min(1).optional(),
    awardedByOrgUnitId: z.string().min(1),
    awardedOn: z.iso.date(),
  }),
);
