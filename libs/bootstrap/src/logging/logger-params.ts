import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';

import type { Params } from 'nestjs-pino';

import type { PlatformConfig } from '../config/platform-config';

/** The header a request id arrives in and is echoed back in. */
export const REQUEST_ID_HEADER = 'x-request-id';

// An id from outside is kept only if it is short and plain, so it cannot forge log lines.
const SAFE_ID = /^[\w.:-]{1,128}$/;

const firstHeader = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** The incoming x-request-id or x-correlation-id if safe, else a new UUID; echoed in the response. */
export const requestIdOf = (request: IncomingMessage, response: ServerResponse): string => {
  const incoming =
    firstHeader(request.headers[REQUEST_ID_HEADER]) ??
    firstHeader(request.headers['x-correlation-id']);
  const id = incoming !== undefined && SAFE_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader(REQUEST_ID_HEADER, id);

  return id;
};

// Probes and scrapes arrive every few seconds; logging each would bury the real traffic.
const isProbe = (request: IncomingMessage): boolean =>
  /^\/(?:health(?:\/|$|\?)|metrics(?:$|\?))/.test(request.url ?? '');

/** nestjs-pino settings: JSON lines with service and request id, secrets redacted. */
export const loggerParams = (config: PlatformConfig): Params => ({
  pinoHttp: {
    level: config.log.level,
    base: { service: config.serviceName, pid: process.pid, hostname: hostname() },
    genReqId: requestIdOf,
    customAttributeKeys: { reqId: 'requestId' },
    // Logs inside a request carry only its id; the full request is logged once, on completion.
    quietReqLogger: true,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["proxy-authorization"]',
        'req.headers.cookie',
        // An ID card number looked up in a list (organisation's member roster).
        'req.headers["x-id-card-number"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    autoLogging: { ignore: isProbe },
    customLogLevel: (_request, response, error) =>
      error !== undefined || response.statusCode >= 500
        ? 'error'
        : response.statusCode >= 400
          ? 'warn'
          : 'info',
  },
});
