import { STATUS_CODES } from 'node:http';

/** The media type of every error response (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An RFC 9457 problem with Taizhang's stable `code` and any extension members. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

/** The problem `type` URI of a code: one type per code, so clients may key on either. */
export const problemType = (code: string): string =>
  `urn:taizhang:problem:${code.toLowerCase().replace(/_/g, '-')}`;

/** `NOT_FOUND` for 404, `UNPROCESSABLE_ENTITY` for 422: the code of an HTTP status with no better one. */
export const codeOfStatus = (status: number): string =>
  (STATUS_CODES[status] ?? `HTTP ${status}`).toUpperCase().replace(/[^A-Z0-9]+/g, '_');

/** Builds a problem; standard members win over extensions of the same name. */
export const problem = (
  status: number,
  code: string,
  detail: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails => ({
  ...extensions,
  type: problemType(code),
  title: STATUS_CODES[status] ?? 'Error',
  status,
  code,
  detail,
});
