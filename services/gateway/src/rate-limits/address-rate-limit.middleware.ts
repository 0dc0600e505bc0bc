import type { IncomingMessage, ServerResponse } from 'node:http';

import type { NestMiddleware } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

import { GatewayConfig } from '../config/gateway.config';
import { RateLimiter } from './rate-limiter';

type Request = IncomingMessage & { ip?: string };

/** The address a request comes from (the socket's: the gateway is the edge). */
export const addressOf = (request: Request): string =>
  request.ip ?? request.socket.remoteAddress ?? 'unknown';

/** Limits requests per client address, before anything else is done for them. */
@Injectable()
export class AddressRateLimitMiddleware implements NestMiddleware<Request, ServerResponse> {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: GatewayConfig,
  ) {}

  use(request: Request, response: ServerResponse, next: (error?: unknown) => void): void {
    this.limiter
      .consume('address', addressOf(request), this.config.rateLimits.perAddress, response)
      .then(() => next(), next);
  }
}
