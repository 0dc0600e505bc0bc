import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, Logger } from '@nestjs/common';

import type { Observable } from 'rxjs';
import { throwError } from 'rxjs';

import { exceptionToProblem } from './exception-to-problem';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

type Request = IncomingMessage & { id?: unknown; originalUrl?: string };

/** Answers every error of an HTTP request as `application/problem+json` (RFC 9457). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | undefined {
    // Kafka handlers under Nest microservices keep their own error handling.
    if (host.getType() !== 'http') return throwError(() => exception);
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const problem = exceptionToProblem(exception);
    if (problem.status >= 500) {
      this.logger.error(exception instanceof Error ? exception : { err: exception });
    }
    if (response.headersSent) {
      response.destroy();

      return undefined;
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

    return undefined;
  }
}
