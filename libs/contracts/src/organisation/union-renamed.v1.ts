import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** A union took a new name (更名), from a date. */
export const UnionRenamedV1 = defineEvent(
  'UnionRenamed',
  1,
  z.object({
    unionId: z.string().min(1),
    previousName: z.string().min(1),
    name: z.string().min(1),
    effectiveOn: z.iso.date(),
  }),
);

/** A union was dissolved (撤销); nothing more is recorded for it. */
export const UnionDissolvedV1 = defineEvent(
  'UnionDissolved',
  1,
  z.object({ unionId: z.string().min(1), dissolvedOn: z.iso.date(), reason: z.string().min(1) }),
);
