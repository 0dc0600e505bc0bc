import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { NestMiddleware } from '@nestjs/common';
import {
  BadRequestException,
  Injectable,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';

import { PlatformErrorCode } from '../problems/platform-error-code';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-nesting';

/** The largest JSON body a service accepts. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** An Excel workbook; left unread here, for the routes that take one (@XlsxUpload). */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Request = IncomingMessage & {
  body?: unknown;
  /** The JSON text as received, once checked (the gateway forwards it unchanged). */
  rawBody?: Buffer;
};
export type Next = (error?: unknown) => void;

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

export const hasBody = (request: IncomingMessage): boolean =>
  request.headers['transfer-encoding'] !== undefined ||
  Number(request.headers['content-length'] ?? 0) > 0;

/** The media type of the body, lower case, without parameters. */
export const mediaTypeOf = (request: IncomingMessage): string =>
  (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

export const unsupported = (detail: string): UnsupportedMediaTypeException =>
  new UnsupportedMediaTypeException({
    code: PlatformErrorCode.UnsupportedMediaType,
    message: detail,
  });

const malformed = (detail: string): BadRequestException =>
  new BadRequestException({ code: PlatformErrorCode.MalformedJson, message: detail });

export const tooLarge = (maxBytes: number): PayloadTooLargeException =>
  new PayloadTooLargeException({
    code: PlatformErrorCode.PayloadTooLarge,
    message: `The request body is larger than ${maxBytes} bytes.`,
  });

export const compressed = (request: IncomingMessage): Error | undefined => {
  const encoding = request.headers['content-encoding'];

  return encoding !== undefined && encoding.toLowerCase() !== 'identity'
    ? unsupported('Send the request body uncompressed.')
    : undefined;
};

/**
 * Reads the whole body, at most `maxBytes` (413 beyond, the rest drained so that the answer
 * reaches the client), and hands it to `onBody`; a client hanging up mid-body is a 400.
 */
export const readBody = (
  request: IncomingMessage,
  maxBytes: number,
  next: Next,
  onBody: (bytes: Buffer, size: number) => void,
): void => {
  const chunks: Buffer[] = [];
  let size = 0;
  let failed = false;
  const fail = (error: unknown): void => {
    if (failed) return;
    failed = true;
    next(error);
  };
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    // The rest is still read, and dropped, so that the 413 reaches the client.
    if (size > maxBytes) fail(tooLarge(maxBytes));
    else if (!failed) chunks.push(chunk);
  });
  // A client that hangs up mid-body made the mistake; it is not a server error.
  request.on('error', () =>
    fail(new BadRequestException('The request body was not received completely.')),
  );
  request.on('end', () => {
    if (!failed) onBody(Buffer.concat(chunks), size);
  });
};

// Only JSON in UTF-8 (RFC 8259), and no compressed bodies: anything else is refused before reading.
const contentProblem = (request: IncomingMessage): Error | undefined => {
  const [, ...parameters] = (request.headers['content-type'] ?? '').split(';');
  if (!JSON_MEDIA_TYPE.test(mediaTypeOf(request))) {
    return unsupported('Send the request body as JSON with Content-Type: application/json.');
  }
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='));
  if (charset !== undefined && charset.replace(/"/g, '') !== 'charset=utf-8') {
    return unsupported('Send the request body in UTF-8.');
  }
  const encoded = compressed(request);
  if (encoded) return encoded;
  if (Number(request.headers['content-length'] ?? 0) > MAX_JSON_BODY_BYTES) {
    return tooLarge(MAX_JSON_BODY_BYTES);
  }

  return undefined;
};

const parse = (bytes: Buffer): { value: unknown } | Error => {
  // Invalid UTF-8 would otherwise be stored as U+FFFD, silently changing Chinese text.
  if (!isUtf8(bytes)) return malformed('The request body is not valid UTF-8.');
  if (nestsDeeperThan(bytes, MAX_JSON_DEPTH))
    return new BadRequestException({
      code: PlatformErrorCode.JsonTooDeep,
      message: `The request body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep.`,
    });
  try {
    return { value: JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as unknown };
  } catch {
    // The parser's message quotes the body, which may hold personal data.
    return malformed('The request body is not valid JSON.');
  }
};

/**
 * Reads JSON request bodies, answering client mistakes as problems: wrong media type or
 * charset → 415, too large → 413, invalid UTF-8 or JSON → 400 MALFORMED_JSON, nested more than
 * 64 deep → 400 JSON_TOO_DEEP.
 */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware<Request, ServerResponse> {
  use(request: Request, _response: ServerResponse, next: Next): void {
    if (!hasBody(request)) return next();
    // Left unread: only a route that takes a workbook reads it (@XlsxUpload), with its own
    // limit; anywhere else the body stays empty and fails the route's validation (400).
    if (mediaTypeOf(request) === XLSX_MEDIA_TYPE) return next();
    const refused = contentProblem(request);
    if (refused) return next(refused);

    readBody(request, MAX_JSON_BODY_BYTES, next, (bytes, size) => {
      const parsed = size === 0 ? { value: undefined } : parse(bytes);
      if (parsed instanceof Error) return next(parsed);
      request.body = parsed.value;
      if (size > 0) request.rawBody = bytes;
      next();
    });
  }
}
