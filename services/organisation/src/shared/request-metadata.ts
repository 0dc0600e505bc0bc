import type { Request } from 'express';

import type { CommandMetadata } from '@taizhang/event-store';

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
  correlationId: String(request.headers['x-correlation-id'] ?? request.id ?? 'none'),
  commandId: commandId ?? null,
  occurredAt,
});
