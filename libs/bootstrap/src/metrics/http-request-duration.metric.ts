import { Histogram, type Registry } from 'prom-client';

/** Name of the request-duration histogram every service exposes. */
export const HTTP_REQUEST_DURATION = 'taizhang_http_request_duration_seconds';

/** The request-duration histogram, labelled by method, route pattern and status. */
export class HttpRequestDuration extends Histogram<'method' | 'route' | 'status'> {
  constructor(registry: Registry) {
    super({
      name: HTTP_REQUEST_DURATION,
      help: 'Time from receiving an HTTP request to finishing its response.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }
}
