import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** A union cadre left their post; they are no longer shown (三亮). */
export const CadreRemovedV1 = defineEvent(
  'CadreRemoved',
  1,
  z.object({
    unionId: z.string().min(1),
    cadreId: z.string().min(1),
    removedOn: z.iso.date(),
    reason: z.string().min(1),
  }),
);
