import type { ServerResponse } from 'node:http';

import { All, Controller, Logger, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import type { RequestHandler } from 'http-proxy-middleware';

import { ROLES, Roles } from '@taizhang/auth';
import { NotFoundError } from '@taizhang/event-store';

import { GatewayConfig } from '../config/gateway.config';
import type { ForwardedRequest } from './service-proxy';
import { createServiceProxy } from './service-proxy';

/**
 * `/api/<service>/…` → the service, so that clients use one origin. Every signed-in role may
 * pass (an auditor only reads); each service then checks roles and scope itself.
 */
@ApiExcludeController()
@Controller('api')
@Roles(...ROLES)
export class ProxyController {
  private readonly proxy: RequestHandler<ForwardedRequest, ServerResponse>;

  constructor(private readonly config: GatewayConfig) {
    this.proxy = createServiceProxy(config.proxy.timeoutMs);
    // Services come from the <SERVICE>_URL variables: say which, since a missing one is a 404.
    new Logger(ProxyController.name).log(
      `Forwarding /api/<service> to: ${Object.keys(config.routes).join(', ') || 'no service (no <SERVICE>_URL is set)'}`,
    );
  }

  @All([':service', ':service/{*path}'])
  async forward(
    @Param('service') service: string,
    @Req() request: ForwardedRequest,
    @Res() response: ServerResponse,
  ): Promise<void> {
    if (!Object.hasOwn(this.config.routes, service))
      throw new NotFoundError(`There is no service called ${service}. / 没有该服务。`, { service });
    request.forwardTo = this.config.routes[service];
    // What fails before the request leaves (routing, path rewriting) comes back through `next`.
    let failure: Error | undefined;
    await this.proxy(request, response, (error?: unknown) => {
      if (error !== undefined)
        failure =
          error instanceof Error ? error : new Error('Forwarding failed.', { cause: error });
    });
    if (failure) throw failure;
  }
}
