import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** Units below a grassroots union: a branch or workshop union 分工会/车间工会, a union group 工会小组. */
export const BranchUnitKindSchema = z.enum(['branch_union', 'union_group']);
export type BranchUnitKind = z.infer<typeof BranchUnitKindSchema>;

/**
 * The union's cadre set up a branch union or a union group below it (seed 004: 化水车间工会). The
 * event concerns the union: a branch is not a unit of the org tree, members stay the union's.
 */
export const BranchUnitCreatedV1 = defineEvent(
  'BranchUnitCreated',
  1,
  z.object({
    branchId: z.string().min(1),
    unionId: z.string().min(1),
    kind: BranchUnitKindSchema,
    name: z.string().min(1),
    establishedOn: z.iso.date(),
  }),
);

/**
 * A member of a union was placed in one of its branch units from a date, or taken out of any
 * (`branchId` null); `previousBranchId` is where they were (null: in none).
 */
export const MemberPlacedInBranchV1 = defineEvent(
  'MemberPlacedInBranch',
  1,
  z.object({
    memberId: z.string().min(1),
    unionId: z.string().min(1),
    branchId: z.string().min(1).nullable(),
    previousBranchId: z.string().min(1).nullable(),
    placedOn: z.iso.date(),
  }),
);
