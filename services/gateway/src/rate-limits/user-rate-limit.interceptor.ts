import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

import type { Observable } from 'rxjs';

import type { AuthenticatedRequest } from '@taizhang/auth';

import { GatewayConfig } from '../config/gateway.config';
import { RateLimiter } from './rate-limiter';

interface HeaderResponse {
  setHeader(name: string, value: string): unknown;
}

/**
 * Limits requests per signed-in user. An interceptor, because interceptors run after every
 * guard: the caller is known by then.
 */
@Injectable()
export class UserRateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: GatewayConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() === 'http') {
      const { user } = context.switchToHttp().getRequest<AuthenticatedRequest>();
      if (user)
        await this.limiter.consume(
          'user',
          user.id,
          this.config.rateLimits.perUser,
          context.switchToHttp().getResponse<HeaderResponse>(),
        );
    }

    return next.handle();
  }
}
