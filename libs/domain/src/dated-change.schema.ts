import { z } from 'zod';

import { isoDate, text } from './text.schema';

/** What a {@link datedChange} says of its date and its reason, for OpenAPI. */
export interface DatedChangeText {
  /** What the date means, e.g. 'the date of dissolution'. */
  date: string;
  /** Why, with an example, e.g. 'why, e.g. 企业注销'. */
  reason: string;
  /** The longest reason (500 characters unless said). */
  reasonMax?: number;
}

/**
 * The body of a change that takes effect on a date for a reason (a closing, a dissolution, a
 * removal…): `{ [on]: YYYY-MM-DD, reason }` and nothing else; `.extend` adds what one change
 * needs beyond (the receiving union of a merger, say).
 */
export const datedChange = <K extends string>(
  on: K,
  { date, reason, reasonMax = 500 }: DatedChangeText,
) => {
  const shape = { [on]: isoDate().describe(date), reason: text(reasonMax).describe(reason) };

  return z
    .object(shape as Record<K, ReturnType<typeof isoDate>> & { reason: ReturnType<typeof text> })
    .strict();
};
