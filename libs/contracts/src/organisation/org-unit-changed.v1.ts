import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** A federation unit took a new name (更名) from a date; earlier reports keep the old name. */
export const OrgUnitRenamedV1 = defineEvent(
  'OrgUnitRenamed',
  1,
  z.object({
    orgUnitId: z.string().min(1),
    previousName: z.string().min(1),
    name: z.string().min(1),
    effectiveOn: z.iso.date(),
  }),
);

/**
 * A federation unit or a grassroots union moved under another parent (隶属关系调整) from a date.
 * Figures before that date stay with the old parent; the unit's path, and the paths of everything
 * under it, change from then on.
 */
export const OrgUnitMovedV1 = defineEvent(
  'OrgUnitMoved',
  1,
  z.object({
    orgUnitId: z.string().min(1),
    unitKind: z.enum(['federation', 'union']),
    previousParentId: z.string().min(1),
    parentId: z.string().min(1),
    previousOrgPath: z.string().min(1),
    orgPath: z.string().min(1),
    effectiveOn: z.iso.date(),
  }),
);
