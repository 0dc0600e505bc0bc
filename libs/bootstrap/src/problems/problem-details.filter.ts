import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

import type { Observable } from 'rxjs';
import { throwError } from 'rxjs';

import type { AuthenticatedUser } from '@taizhang/auth';
import { canReach } from '@taizhang/auth';
import type { InScopeOnly } from '@taizhang/domain';
import { DomainError } from '@taizhang/domain';

import { exceptionToProblem } from './exception-to-problem';
import { OrgUnitPaths } from './org-unit-paths';
import type { ProblemDetails } from './problem-details';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

type Request = IncomingMessage & { id?: unknown; originalUrl?: string; user?: AuthenticatedUser };

/**
 * Answers every error of an HTTP request as `application/problem+json` (RFC 9457). This is the
 * one place where a refusal's in-scope-only details are shown or dropped, by the caller's scope.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(private readonly modules: ModuleRef) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | undefined {
    // Kafka handlers under Nest microservices keep their own error handling.
    if (host.getType() !== 'http') return throwError(() => exception);
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const inScopeOnly = exception instanceof DomainError ? exception.inScopeOnly : undefined;
    if (!inScopeOnly) {
      this.answer(request, response, exception, exceptionToProblem(exception));

      return undefined;
    }
    this.mayRead(request.user, inScopeOnly)
      .then((inScope) =>
        this.answer(request, response, exception, exceptionToProblem(exception, { inScope })),
      )
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'could not answer a problem');
        response.destroy();
      });

    return undefined;
  }

  // Fails closed: no caller, no way to place units, an unknown unit or a failed lookup all hide.
  private async mayRead(
    user: AuthenticatedUser | undefined,
    { unitId }: InScopeOnly,
  ): Promise<boolean> {
    if (!user) return false;
    try {
      const paths = this.modules.get(OrgUnitPaths, { strict: false });
      const path = await paths.pathOf(unitId);

      return path !== null && canReach(user, path);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not place a unit: in-scope-only details left out');

      return false;
    }
  }

  private answer(
    request: Request,
    response: ServerResponse,
    exception: unknown,
    problem: ProblemDetails,
  ): void {
    if (problem.status >= 500) {
      this.logger.error(exception instanceof Error ? exception : { err: exception });
    }
    if (response.headersSent) {
      response.destroy();

      return;
    }
    const body = {
      ...problem,
      // The path only: a query string may carry personal data.
      instance: (request.originalUrl ?? request.url ?? '').split('?')[0],
      requestId: typeof request.id === 'string' ? request.id : undefined,
    };
    response.statusCode = problem.status;
    response.setHeader('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.end(JSON.stringify(body));
  }
}
