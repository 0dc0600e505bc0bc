import type { IncomingMessage } from 'node:http';

import type { ExecutionContext } from '@nestjs/common';
import { BadRequestException, createParamDecorator } from '@nestjs/common';

import { PlatformErrorCode } from '../problems/platform-error-code';
import { documentedHeader } from './documented-header';

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

/**
 * The request's `Idempotency-Key` header (string | undefined); a malformed key answers 400
 * `INVALID_IDEMPOTENCY_KEY`.
 */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined =>
    parseIdempotencyKey(
      context.switchToHttp().getRequest<IncomingMessage>().headers['idempotency-key'],
    ),
  [
    documentedHeader(
      'Idempotency-Key',
      'Any unique string of 1–200 printable ASCII characters; repeating a request with the same key and body returns the first answer and changes nothing.',
    ),
  ],
);
