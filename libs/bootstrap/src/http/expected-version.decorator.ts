import type { IncomingMessage } from 'node:http';

import type { ExecutionContext } from '@nestjs/common';
import { BadRequestException, createParamDecorator } from '@nestjs/common';

import { PlatformErrorCode } from '../problems/platform-error-code';
import { documentedHeader } from './documented-header';

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

/**
 * The expected stream version from `If-Match` (number | undefined), for `handleCommand`; a value
 * that is not a version answers 400 `INVALID_IF_MATCH`.
 */
export const ExpectedVersion = createParamDecorator(
  (_data: unknown, context: ExecutionContext): number | undefined =>
    parseExpectedVersion(context.switchToHttp().getRequest<IncomingMessage>().headers['if-match']),
  [
    documentedHeader(
      'If-Match',
      'The version you last read (3, "3" or W/"3"); if the record has changed since, the answer is 409.',
    ),
  ],
);
