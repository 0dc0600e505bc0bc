import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import type { RequestHandler } from 'http-proxy-middleware';
import {
  createProxyMiddleware,
  debugProxyErrorsPlugin,
  proxyEventsPlugin,
} from 'http-proxy-middleware';

import { PROBLEM_CONTENT_TYPE } from '@taizhang/bootstrap';

/** A request on its way to a service: the platform has parsed its body, the route its target. */
export type ForwardedRequest = IncomingMessage & {
  body?: unknown;
  id?: unknown;
  originalUrl?: string;
  forwardTo?: string;
};

// `/api/organisation/unions/1?x=2` → `/unions/1?x=2`.
export const servicePath = (url: string): string => {
  const rest = url.replace(/^\/api\/[^/?#]+/, '');

  return rest.startsWith('/') ? rest : `/${rest}`;
};

// The platform read the body to check it (JSON, UTF-8, size); send the same JSON on.
const writeBody = (proxyRequest: ClientRequest, request: ForwardedRequest): void => {
  if (typeof request.id === 'string') proxyRequest.setHeader('x-request-id', request.id);
  if (request.body === undefined) return;
  const json = JSON.stringify(request.body);
  proxyRequest.removeHeader('transfer-encoding');
  proxyRequest.setHeader('content-type', 'application/json');
  proxyRequest.setHeader('content-length', Buffer.byteLength(json));
  proxyRequest.write(json);
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

/** Forwards a request to `request.forwardTo`, headers (Authorization too) and body unchanged. */
export const createServiceProxy = (timeoutMs: number): RequestHandler =>
  createProxyMiddleware<ForwardedRequest, ServerResponse>({
    router: (request) => request.forwardTo,
    pathRewrite: (path) => servicePath(path),
    changeOrigin: true,
    xfwd: true,
    proxyTimeout: timeoutMs,
    // Our own error answer instead of the default plain-text one: the debug plugin keeps socket
    // errors from crashing the process, the events plugin wires `on` below.
    ejectPlugins: true,
    plugins: [debugProxyErrorsPlugin, proxyEventsPlugin],
    on: { proxyReq: writeBody, error: answerUnreachable },
  });
