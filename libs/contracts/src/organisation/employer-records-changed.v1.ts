import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { EmployerDetailsSchema, EmployerHeadcountsSchema } from './employer-registered.v1';

/** The employer's address, legal representative or registered capital changed from a date; only those given. */
export const EmployerDetailsChangedV1 = defineEvent(
  'EmployerDetailsChanged',
  1,
  z.object({
    employerId: z.string().min(1),
    effectiveOn: z.iso.date(),
    ...EmployerDetailsSchema.shape,
  }),
);

/**
 * The workforce figures recorded for a past date were wrong: these replace them for that date
 * (figures as of that date use them), while the earlier event stays in history. `corrects` is
 * what was recorded for the date before this correction.
 */
export const EmployerHeadcountsCorrectedV1 = defineEvent(
  'EmployerHeadcountsCorrected',
  1,
  z.object({
    employerId: z.string().min(1),
    asOf: z.iso.date(),
    ...EmployerHeadcountsSchema.shape,
    corrects: EmployerHeadcountsSchema,
    reason: z.string().min(1),
  }),
);
