import type { IncomingMessage, ServerResponse } from 'node:http';

import type { NestMiddleware } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

import { HttpRequestDuration } from './http-request-duration.metric';

type Request = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

// Raw URLs would give one series per id; requests that match no route share one label.
const routeOf = (request: Request): string =>
  typeof request.route?.path === 'string'
    ? `${request.baseUrl ?? ''}${request.route.path}`
    : 'unmatched';

/** Times every request into `taizhang_http_request_duration_seconds`. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware<Request, ServerResponse> {
  constructor(private readonly duration: HttpRequestDuration) {}

  use(request: Request, response: ServerResponse, next: () => void): void {
    const stop = this.duration.startTimer();
    response.once('finish', () =>
      stop({
        method: request.method ?? 'UNKNOWN',
        route: routeOf(request),
        status: String(response.statusCode),
      }),
    );
    next();
  }
}
