import type { Request } from 'express';

import type { CommandMetadata } from '@taizhang/event-store';

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
 * The metadata of a command sent over HTTP: the time it arrived, who sent it and the request it
 * belongs to. Until sign-in exists (the identity issue), every caller is the anonymous system actor.
 */
export const requestMetadata = (
  request: Request,
  commandId: string | undefined,
  occurredAt?: Date,
): CommandMetadata => ({
  now: new Date(),
  actorId: 'anonymous',
  actorRole: 'system',
  correlationId: correlationIdOf(request),
  commandId: commandId ?? null,
  occurredAt,
});
