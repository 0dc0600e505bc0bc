import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { catchError, throwError } from 'rxjs';

import { GatewayConfig } from '../config/gateway.config';
import { addressOf } from '../rate-limits';
import { RateLimiter } from '../rate-limits';
import { AccountLockedError } from './session.errors';

/** Tokens never sit in a cache: every answer of the route, a refusal too, says `no-store`. */
@Injectable()
export class NoStoreInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    context.switchToHttp().getResponse<Response>().setHeader('Cache-Control', 'no-store');

    return next.handle();
  }
}

/**
 * Sign-in attempts are counted per address (429 with Retry-After over the limit); an account
 * locked after failed attempts answers with Retry-After too.
 */
@Injectable()
export class SignInAttemptsInterceptor implements NestInterceptor {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: GatewayConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const response = http.getResponse<Response>();
    await this.limiter.consume(
      'login',
      addressOf(http.getRequest<Request>()),
      this.config.rateLimits.loginPerAddress,
      response,
    );

    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof AccountLockedError)
          response.setHeader('Retry-After', String(error.retryAfterSeconds));

        return throwError(() => error);
      }),
    );
  }
}
