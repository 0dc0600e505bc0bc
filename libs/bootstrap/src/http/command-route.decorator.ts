import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { applyDecorators, HttpCode, Injectable, Post, UseInterceptors } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

import type { Observable } from 'rxjs';
import { map } from 'rxjs';

import type { Role } from '@taizhang/auth';
import { Roles } from '@taizhang/auth';
import type { CommandResult } from '@taizhang/event-store';

import { CommandResponseDto, commandResponseOf, versionTag } from './command-response';

interface HeaderResponse {
  setHeader(name: string, value: string): unknown;
}

/**
 * Answers a route's {@link CommandResult}: the body `{ id, streamId, streamVersion, eventIds }`,
 * `ETag` the new version, and `Idempotent-Replayed: true` when a repeated Idempotency-Key got
 * the first answer again.
 */
@Injectable()
export class CommandResponseInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<CommandResult>): Observable<unknown> {
    const response = context.switchToHttp().getResponse<HeaderResponse>();

    return next.handle().pipe(
      map((result) => {
        if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
        response.setHeader('ETag', versionTag(result.streamVersion));

        return commandResponseOf(result);
      }),
    );
  }
}

/**
 * A route that runs one command and returns its {@link CommandResult}: `201` for one that
 * creates something, `200` for a change; documented in OpenAPI and answered by
 * {@link CommandResponseInterceptor}. Read `Idempotency-Key` and `If-Match` with
 * `@CommandRequest()`.
 */
export const CommandRoute = (status: 200 | 201): MethodDecorator & ClassDecorator =>
  applyDecorators(
    HttpCode(status),
    ApiResponse({ status, type: CommandResponseDto }),
    UseInterceptors(CommandResponseInterceptor),
  );

/**
 * `POST path` (the controller's own path when none) for `roles`, as a {@link CommandRoute}:
 * the one decorator a command route of a signed-in service needs.
 */
export const CommandPost = (
  status: 200 | 201,
  roles: readonly Role[],
  path?: string,
): MethodDecorator => applyDecorators(Roles(...roles), Post(path), CommandRoute(status));
