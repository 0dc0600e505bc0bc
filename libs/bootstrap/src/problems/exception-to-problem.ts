import { HttpException, HttpStatus } from '@nestjs/common';

import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';

import { bilingual, DomainError, oneLine } from '@taizhang/domain';

import { PlatformErrorCode } from './platform-error-code';
import type { ProblemDetails } from './problem-details';
import { codeOfStatus, problem } from './problem-details';

/** One invalid field of a request, as answered in `errors`. */
export interface FieldError {
  /** Dotted path of the field (`members.0.name`); empty for the whole body. */
  path: string;
  message: string;
}

const GENERIC_INTERNAL_DETAIL =
  'Something went wrong on our side; the request may be retried later. Quote the requestId when reporting it.';

// Members Nest puts in an HttpException's response object; everything else is passed on.
const NEST_RESPONSE_MEMBERS = new Set(['statusCode', 'message', 'error', 'code']);

const fieldErrorOf = (issue: z.core.$ZodIssue): FieldError => ({
  path: issue.path.map(String).join('.'),
  // zod says "Invalid input: expected string, received undefined" for a missing field.
  message:
    issue.code === 'invalid_type' && issue.message.endsWith('received undefined')
      ? 'is required'
      : issue.message,
});

const validationProblem = (exception: ZodValidationException): ProblemDetails => {
  const error = exception.getZodError();
  const errors = error instanceof z.core.$ZodError ? error.issues.map(fieldErrorOf) : [];
  const fields = [...new Set(errors.map((e) => e.path || 'the request body'))];

  return problem(
    HttpStatus.BAD_REQUEST,
    PlatformErrorCode.ValidationFailed,
    fields.length > 0
      ? `The request is not valid: check ${fields.join(', ')}.`
      : 'The request is not valid.',
    { errors },
  );
};

const messageOf = (response: Record<string, unknown>, fallback: string): string => {
  const { message } = response;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');

  return fallback;
};

const httpExceptionProblem = (exception: HttpException): ProblemDetails => {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return problem(status, codeOfStatus(status), response);
  const body = response as Record<string, unknown>;
  const code = typeof body['code'] === 'string' ? body['code'] : codeOfStatus(status);
  const extensions = Object.fromEntries(
    Object.entries(body).filter(([key]) => !NEST_RESPONSE_MEMBERS.has(key)),
  );

  return problem(status, code, messageOf(body, exception.message), extensions);
};

// Errors from plain Express middleware (http-errors) mark client mistakes with `expose`.
const exposedClientError = (exception: unknown): ProblemDetails | undefined => {
  if (!(exception instanceof Error)) return undefined;
  const { status, expose } = exception as Error & { status?: unknown; expose?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true) {
    return undefined;
  }

  return problem(status, codeOfStatus(status), exception.message);
};

// The plain message and details for every caller; the in-scope-only part for those in scope.
// `detail` keeps the one-line "English / 中文" that clients read before `en` and `zh` came.
const domainProblem = (error: DomainError, inScope: boolean): ProblemDetails => {
  const shown = inScope ? error.inScopeOnly : undefined;
  const message = shown?.message;
  const { en, zh } = message === undefined ? error : bilingual(message);

  return problem(error.status, error.code, message === undefined ? error.message : oneLine(message), {
    ...(shown ? { ...error.details, ...shown.details } : error.details),
    en,
    zh,
  });
};

/** The generic 500 answer: it never carries internals. */
export const internalProblem = (): ProblemDetails =>
  problem(HttpStatus.INTERNAL_SERVER_ERROR, PlatformErrorCode.Internal, GENERIC_INTERNAL_DETAIL);

/**
 * Maps anything thrown while handling a request to a problem: request validation → 400, domain
 * errors → their status and code, Nest HTTP exceptions → their status, the rest → generic 500.
 * A domain error's in-scope-only message and details are added only when `inScope` says the
 * caller may see the unit they concern (ProblemDetailsFilter decides).
 */
export const exceptionToProblem = (
  exception: unknown,
  { inScope = false }: { inScope?: boolean } = {},
): ProblemDetails => {
  if (exception instanceof ZodValidationException) return validationProblem(exception);
  if (exception instanceof DomainError) return domainProblem(exception, inScope);
  if (exception instanceof HttpException) {
    // A 500 HttpException (a response failing its zod schema, say) is our bug: say nothing of it.
    return exception.getStatus() === 500 ? internalProblem() : httpExceptionProblem(exception);
  }

  return exposedClientError(exception) ?? internalProblem();
};
