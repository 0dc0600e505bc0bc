import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';

import type { Request } from 'express';

import type { AuthenticatedRequest, AuthenticatedUser } from '@taizhang/auth';
import { signedInUserOf } from '@taizhang/auth';
import type { CommandMetadata } from '@taizhang/event-store';

import { documentedHeader } from './documented-header';
import { parseExpectedVersion } from './expected-version';
import { parseIdempotencyKey } from './idempotency-key';

/** What an HTTP request says about the command it sends. */
export interface CommandRequestContext {
  /** From `Idempotency-Key`: the same key and body answers the first answer again. */
  commandId: string | undefined;
  /** From `If-Match`: the version the caller last read. */
  expectedVersion: number | undefined;
  /** The command's metadata: arrival time, actor, correlation; `occurredAt` is its business time. */
  metadata(occurredAt?: Date): CommandMetadata;
}

// A caller's correlation id joins our logs to theirs; otherwise the request id starts a new one.
const correlationIdOf = (request: Request): string => {
  const given = request.headers['x-correlation-id'];
  const first = Array.isArray(given) ? given[0] : given;
  if (first && first.length <= 200) return first;

  return typeof request.id === 'string' || typeof request.id === 'number'
    ? String(request.id)
    : 'none';
};

/**
 * What an Idempotency-Key is bound to: the method, the route's pattern and the ids in the path
 * (the same key on another union's rename is another request), else the path as it came.
 */
const targetOf = (request: Request): string => {
  const route = (request.route as { path?: unknown } | undefined)?.path;
  const pattern = typeof route === 'string' ? `${request.baseUrl}${route}` : request.path;

  return `${request.method} ${pattern} ${JSON.stringify(request.params ?? {})}`;
};

const commandContextOf = (request: Request & AuthenticatedRequest): CommandRequestContext => {
  const { user } = request;
  const commandId = parseIdempotencyKey(request.headers['idempotency-key']);
  const now = new Date();

  return {
    commandId,
    expectedVersion: parseExpectedVersion(request.headers['if-match']),
    metadata: (occurredAt) => ({
      now,
      actorId: user?.id ?? 'anonymous',
      actorRole: user?.role ?? 'system',
      correlationId: correlationIdOf(request),
      commandId: commandId ?? null,
      commandTarget: commandId ? targetOf(request) : null,
      occurredAt,
    }),
  };
};

// Each command route documents the headers it reads.
const COMMAND_HEADERS = [
  documentedHeader(
    'Idempotency-Key',
    'Any unique string of 1–200 printable ASCII characters; repeating a request with the same key and body returns the first answer and changes nothing.',
  ),
  documentedHeader(
    'If-Match',
    'The version you last read (3, "3" or W/"3"); if the record has changed since, the answer is 409.',
  ),
];

/**
 * The command context of a request: `Idempotency-Key` (400 `INVALID_IDEMPOTENCY_KEY` when
 * malformed), `If-Match` (400 `INVALID_IF_MATCH` when not a version) and the command metadata.
 * The actor is the signed-in caller (`request.user`, set by `@taizhang/auth`'s guard); a
 * service without the guard records the anonymous system actor.
 */
export const CommandRequest = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CommandRequestContext =>
    commandContextOf(context.switchToHttp().getRequest<Request & AuthenticatedRequest>()),
  COMMAND_HEADERS,
);

/** The signed-in caller of a command route and the command its request sends. */
export interface SignedInCommand {
  user: AuthenticatedUser;
  request: CommandRequestContext;
}

/**
 * `@CurrentUser()` and `@CommandRequest()` in one: `{ user, request }`, 401 without a signed-in
 * caller.
 */
export const SignedInCommand = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SignedInCommand => {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();

    return { user: signedInUserOf(request), request: commandContextOf(request) };
  },
  COMMAND_HEADERS,
);
