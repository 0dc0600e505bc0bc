import { BadRequestException } from '@nestjs/common';

import { PlatformErrorCode } from '../problems/platform-error-code';

const PRINTABLE_ASCII = /^[\x20-\x7e]{1,200}$/;

/** Reads an `Idempotency-Key` header value: undefined when absent, 400 when malformed. */
export const parseIdempotencyKey = (header: string | string[] | undefined): string | undefined => {
  if (header === undefined) return undefined;
  if (typeof header === 'string' && PRINTABLE_ASCII.test(header)) return header;
  throw new BadRequestException({
    code: PlatformErrorCode.InvalidIdempotencyKey,
    message: 'The Idempotency-Key header must be 1 to 200 printable ASCII characters.',
  });
};
