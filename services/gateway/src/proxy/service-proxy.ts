import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import { Logger } from '@nestjs/common';

import type { RequestHandler } from 'http-proxy-middleware';
import {
  createProxyMiddleware,
  debugProxyErrorsPlugin,
  proxyEventsPlugin,
} from 'http-proxy-middleware';

import { PROBLEM_CONTENT_TYPE } from '@taizhang/bootstrap';

/** A request on its way to a service: the platform has checked its body, the route its target. */
export type ForwardedRequest = IncomingMessage & {
  body?: unknown;
  /** The JSON text the platform read and checked (absent for a workbook, which is streamed). */
  rawBody?: Buffer;
  id?: unknown;
  originalUrl?: string;
  forwardTo?: string;
};

const logger = new Logger('ServiceProxy');

// `/api/organisation/unions/1?x=2` → `/unions/1?x=2`.
const servicePath = (url: string): string => {
  const rest = url.replace(/^\/api\/[^/?#]+/, '');

  return rest.startsWith('/') ? rest : `/${rest}`;
};

// `/api/organisation/unions/1?x=2` → `organisation`, as the client wrote it (decoded).
export const serviceNameOf = (url: string): string => {
  const name = /^\/api\/([^/?#]*)/.exec(url)?.[1] ?? '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
};

// The platform read the body to check it (JSON, UTF-8, size, depth): the same bytes go on, so
// nothing is re-serialised (no precision lost, nothing that could overflow the stack here).
const writeBody = (proxyRequest: ClientRequest, request: ForwardedRequest): void => {
  if (typeof request.id === 'string') proxyRequest.setHeader('x-request-id', request.id);
  if (request.rawBody === undefined) return;
  proxyRequest.removeHeader('transfer-encoding');
  proxyRequest.setHeader('content-type', 'application/json');
  proxyRequest.setHeader('content-length', request.rawBody.length);
  proxyRequest.write(request.rawBody);
};

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);

const UNREACHABLE = {
  status: 502,
  title: 'Bad Gateway',
  code: 'SERVICE_UNAVAILABLE',
  detail: 'The service cannot be reached just now; try again shortly.',
};
const TIMED_OUT = {
  status: 504,
  title: 'Gateway Timeout',
  code: 'SERVICE_TIMEOUT',
  detail: 'The service did not answer in time; try again shortly.',
};

const answerUnreachable = (
  error: Error & { code?: string },
  request: ForwardedRequest,
  response: ServerResponse | Socket,
): void => {
  logger.warn(
    { err: error.message, code: error.code, requestId: request.id },
    'A request could not be forwarded',
  );
  if (!('writeHead' in response) || response.headersSent) return void response.destroy();
  const { status, title, code, detail } = TIMEOUT_CODES.has(error.code ?? '')
    ? TIMED_OUT
    : UNREACHABLE;
  response.writeHead(status, { 'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8` });
  response.end(
    JSON.stringify({
      type: `urn:taizhang:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      title,
      status,
      code,
      detail,
      instance: (request.originalUrl ?? request.url ?? '').split('?')[0],
      requestId: typeof request.id === 'string' ? request.id : undefined,
    }),
  );
};

/**
 * The proxy calls these from socket events, outside any request's promise: an error thrown
 * there would be uncaught and end the process. `onFailure` answers or logs instead.
 */
const contained =
  <Args extends unknown[]>(
    handler: (...args: Args) => void,
    onFailure: (error: unknown, ...args: Args) => void,
  ) =>
  (...args: Args): void => {
    try {
      handler(...args);
    } catch (error) {
      try {
        onFailure(error, ...args);
      } catch (failure) {
        logger.error({ err: failure }, 'The proxy could not answer a failed request');
      }
    }
  };

// Routes whose answer is a stream that lasts as long as what it follows (server-sent events):
// never timed out, never buffered on the way.
const STREAMED_ROUTES = [
  /^\/imports\/[^/?#]+\/events(?:[?#]|$)/,
  // Reporting's live updates of the dashboard (GET /reports/live?unit=…).
  /^\/reports\/live(?:[?#]|$)/,
];

/** Whether a request (`/api/<service>/…`) asks for one of the streamed routes. */
export const isStreamedRoute = (url: string): boolean =>
  STREAMED_ROUTES.some((route) => route.test(servicePath(url)));

// A service answers `Location: /imports/1` as seen from itself; the client sees it under
// `/api/<service>`.
const locationFromGateway = (proxyResponse: IncomingMessage, request: ForwardedRequest): void => {
  const { location } = proxyResponse.headers;
  const service = serviceNameOf(request.originalUrl ?? '');
  if (service && location?.startsWith('/') && !location.startsWith('//'))
    proxyResponse.headers.location = `/api/${encodeURIComponent(service)}${location}`;
};

// Proxies in front of the gateway (nginx) keep an event stream unbuffered too.
const streamUnbuffered = (proxyResponse: IncomingMessage): void => {
  if (proxyResponse.headers['content-type']?.startsWith('text/event-stream'))
    proxyResponse.headers['x-accel-buffering'] = 'no';
};

/**
 * Forwards a request to `request.forwardTo`, headers (Authorization too) and body unchanged. No
 * failure of the proxy's event handlers escapes: the request is answered 502, or logged.
 * `timeoutMs` bounds the wait for the service's answer; `null` waits as long as the answer
 * lasts (the streamed routes).
 */
export const createServiceProxy = (timeoutMs: number | null): RequestHandler =>
  createProxyMiddleware<ForwardedRequest, ServerResponse>({
    router: (request) => request.forwardTo,
    // Mounted under /api, a middleware sees the path without it: the whole one is rewritten.
    pathRewrite: (path, request) => servicePath(request.originalUrl ?? path),
    changeOrigin: true,
    xfwd: true,
    ...(timeoutMs === null ? {} : { proxyTimeout: timeoutMs }),
    // Our own error answer instead of the default plain-text one: the debug plugin keeps socket
    // errors from crashing the process, the events plugin wires `on` below.
    ejectPlugins: true,
    plugins: [debugProxyErrorsPlugin, proxyEventsPlugin],
    on: {
      // Destroyed with the error, the outgoing request reports it to `error` below: a 502.
      proxyReq: contained(writeBody, (error, proxyRequest) =>
        proxyRequest.destroy(error instanceof Error ? error : new Error(String(error))),
      ),
      proxyRes: contained(
        (proxyResponse: IncomingMessage, request: ForwardedRequest) => {
          locationFromGateway(proxyResponse, request);
          streamUnbuffered(proxyResponse);
        },
        (error, _proxyResponse, request) =>
          logger.error({ err: error, requestId: request.id }, 'The proxy could not pass an answer'),
      ),
      error: contained(answerUnreachable, (error, _cause, request, response) => {
        logger.error({ err: error, requestId: request.id }, 'The proxy could not answer an error');
        response.destroy();
      }),
    },
  });
