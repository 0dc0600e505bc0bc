import { z } from 'zod';

import { defineEvent } from '../event-definition';

/**
 * Federation unit levels above the grassroots unions: 市总工会 / 区县总工会 / 街道(乡镇)工会联合会,
 * and below a street the community 社区 and village 村 union units, which may hold members whose
 * workplace has no union yet (seed 003).
 */
export const FederationKindSchema = z.enum([
  'municipal',
  'district',
  'street',
  'community',
  'village',
]);
export type FederationKind = z.infer<typeof FederationKindSchema>;

/** A federation unit (组织体系 node) was created in the org tree. */
export const OrgUnitCreatedV1 = defineEvent(
  'OrgUnitCreated',
  1,
  z.object({
    orgUnitId: z.string().min(1),
    code: z.string().min(1),
    name: z.string().min(1),
    kind: FederationKindSchema,
    parentId: z.string().min(1).nullable(),
    orgPath: z.string().min(1),
  }),
);
