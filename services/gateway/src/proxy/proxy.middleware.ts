import type { ServerResponse } from 'node:http';

import type { NestMiddleware } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';

import type { RequestHandler } from 'http-proxy-middleware';

import type { AuthenticatedRequest, ResolvedAuthOptions } from '@taizhang/auth';
import { AUTH_OPTIONS, AuthGuard, ROLES, Roles } from '@taizhang/auth';
import { NotFoundError } from '@taizhang/event-store';

import { GatewayConfig } from '../config/gateway.config';
import { RateLimiter } from '../rate-limits';
import type { ForwardedRequest } from './service-proxy';
import { createServiceProxy, isStreamedRoute, serviceNameOf } from './service-proxy';

/**
 * What the platform's guard checks of a forwarded request: every signed-in role may pass (an
 * auditor only reads); each service then checks roles and scope itself.
 */
@Roles(...ROLES)
class ForwardedRoute {
  forward(this: void): void {}
}

/**
 * `/api/<service>/…` → the service, so that clients use one origin. A middleware, since the
 * service writes the answer (status, headers and bytes as they come); the caller is checked
 * first by the platform's own guard and per-user limit, as on every route of the gateway.
 */
@Injectable()
export class ProxyMiddleware implements NestMiddleware<ForwardedRequest, ServerResponse> {
  private readonly proxy: RequestHandler<ForwardedRequest, ServerResponse>;
  // Server-sent events last as long as what they follow: no timeout (PROXY_TIMEOUT_MS) for them.
  private readonly streamingProxy: RequestHandler<ForwardedRequest, ServerResponse>;
  private readonly guard: AuthGuard;

  constructor(
    private readonly config: GatewayConfig,
    private readonly limiter: RateLimiter,
    reflector: Reflector,
    @Inject(AUTH_OPTIONS) authOptions: ResolvedAuthOptions,
  ) {
    this.proxy = createServiceProxy(config.proxy.timeoutMs);
    this.streamingProxy = createServiceProxy(null);
    this.guard = new AuthGuard(reflector, authOptions);
    // Services come from the <SERVICE>_URL variables: say which, since a missing one is a 404.
    new Logger(ProxyMiddleware.name).log(
      `Forwarding /api/<service> to: ${Object.keys(config.routes).join(', ') || 'no service (no <SERVICE>_URL is set)'}`,
    );
  }

  async use(
    request: ForwardedRequest & AuthenticatedRequest,
    response: ServerResponse,
  ): Promise<void> {
    const service = serviceNameOf(request.originalUrl ?? request.url ?? '');
    const known = Object.hasOwn(this.config.routes, service);
    // The route label of the request metrics: one series per known service (a controller's
    // route would give one), never one per name a caller makes up.
    (request as { route?: { path: string } }).route = {
      path: known ? `/api/${service}/*path` : '/api/*path',
    };
    await this.guard.canActivate(
      new ExecutionContextHost(
        [request, response],
        ForwardedRoute,
        ForwardedRoute.prototype.forward,
      ),
    );
    await this.limiter.consume('user', request.user!.id, this.config.rateLimits.perUser, response);
    if (!known)
      throw new NotFoundError(`There is no service called ${service}. / 没有该服务。`, { service });
    request.forwardTo = this.config.routes[service];
    // What fails before the request leaves (routing, path rewriting) comes back through `next`.
    let failure: Error | undefined;
    const url = request.originalUrl ?? request.url ?? '';
    const proxy = isStreamedRoute(url) ? this.streamingProxy : this.proxy;
    await proxy(request, response, (error?: unknown) => {
      if (error !== undefined)
        failure =
          error instanceof Error ? error : new Error('Forwarding failed.', { cause: error });
    });
    if (failure) throw failure;
  }
}
