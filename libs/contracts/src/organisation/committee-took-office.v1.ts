import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { CommitteePostSchema, CongressOfficeSchema } from './union-established.v1';

/** Every post a congress fills: a committee seat, or an office of the women's or audit committee. */
export const ElectedPostSchema = z.union([CommitteePostSchema, CongressOfficeSchema]);

/**
 * 三亮: the committee elected at a founding congress, or at a re-election the higher union
 * approved, becomes the union's cadre list from the day of the congress; the cadres who served
 * before it (appointed on or before that day) leave office on the same day (换届). Phones and
 * duties come later, cadre by cadre (`CadreDetailsUpdated`).
 */
export const CommitteeTookOfficeV1 = defineEvent(
  'CommitteeTookOffice',
  1,
  z.object({
    unionId: z.string().min(1),
    /** The congress's day: the new cadres serve from it, the outgoing ones serve until it. */
    electedOn: z.iso.date(),
    cadres: z
      .array(
        z.object({
          cadreId: z.string().min(1),
          name: z.string().min(1),
          /** The post as shown (工会主席, 女职工委员会主任 …). */
          post: z.string().min(1),
          postCode: ElectedPostSchema,
        }),
      )
      .min(1),
    outgoingCadreIds: z.array(z.string().min(1)),
  }),
);

/** A serving cadre's public phone and duties (亮职责, 亮承诺), recorded or changed from a date. */
export const CadreDetailsUpdatedV1 = defineEvent(
  'CadreDetailsUpdated',
  1,
  z.object({
    unionId: z.string().min(1),
    cadreId: z.string().min(1),
    /** Absent: the phone stays as it was. */
    phone: z.string().min(1).optional(),
    duties: z.string().min(1).optional(),
    /** 亮承诺: the cadre's public pledge. */
    pledge: z.string().min(1).optional(),
    effectiveOn: z.iso.date(),
  }),
);
