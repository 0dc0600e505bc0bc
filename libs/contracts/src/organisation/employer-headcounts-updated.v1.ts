import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { EmployerHeadcountsSchema } from './employer-registered.v1';

/** An employer's workforce figures as of a date (they replace those of any earlier date). */
export const EmployerHeadcountsUpdatedV1 = defineEvent(
  'EmployerHeadcountsUpdated',
  1,
  z.object({
    employerId: z.string().min(1),
    asOf: z.iso.date(),
    ...EmployerHeadcountsSchema.shape,
  }),
);
