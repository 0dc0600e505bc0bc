import { z } from 'zod';

import { defineEvent } from '../event-definition';

/**
 * A union cadre took up a post, shown publicly (三亮: 亮身份、亮职责): name, post, contact phone
 * and duties, as the union posts them on its notice board. The phone is a published contact,
 * kept as given (a mobile or a landline), not personal data held in confidence.
 */
export const CadreAppointedV1 = defineEvent(
  'CadreAppointed',
  1,
  z.object({
    unionId: z.string().min(1),
    cadreId: z.string().min(1),
    name: z.string().min(1),
    /** 工会主席, 副主席, 经费审查委员会主任, 女职工委员会主任, 委员… as the union calls it. */
    post: z.string().min(1),
    phone: z.string().min(1),
    duties: z.string().min(1),
    appointedOn: z.iso.date(),
  }),
);
