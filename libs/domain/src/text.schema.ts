import { z } from 'zod';

// Lone surrogates and control characters cannot be stored faithfully; say so at the door.
const BROKEN_TEXT =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Free text as people type it (Chinese included), 1..max characters, stored exactly as sent. */
export const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => value.trim().length > 0, 'must not be blank')
    .refine((value) => !BROKEN_TEXT.test(value), 'contains control characters or broken Unicode');

/** A calendar date, YYYY-MM-DD. */
export const isoDate = () => z.iso.date('must be a date as YYYY-MM-DD');
