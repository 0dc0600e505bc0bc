import { BadRequestException } from '@nestjs/common';

import { PlatformErrorCode } from '../problems/platform-error-code';

// 3, "3" or W/"3": clients echo an ETag as they received it, weak or strong.
const VERSION_TAG = /^(?:W\/)?(?:"(\d{1,15})"|(\d{1,15}))$/;

/** Reads an `If-Match` header as a stream version: undefined when absent, 400 when not one. */
export const parseExpectedVersion = (header: string | undefined): number | undefined => {
  if (header === undefined) return undefined;
  const match = VERSION_TAG.exec(header.trim());
  const digits = match?.[1] ?? match?.[2];
  if (digits !== undefined) return Number(digits);
  throw new BadRequestException({
    code: PlatformErrorCode.InvalidIfMatch,
    message: 'The If-Match header must be the version you last read, such as 3 or "3".',
  });
};
