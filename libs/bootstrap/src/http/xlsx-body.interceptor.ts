import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { applyDecorators, BadRequestException, Injectable, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';

import type { Observable } from 'rxjs';
import { from, switchMap } from 'rxjs';

import type { Request } from './json-body.middleware';
import {
  compressed,
  hasBody,
  mediaTypeOf,
  readBody,
  tooLarge,
  unsupported,
  XLSX_MEDIA_TYPE,
} from './json-body.middleware';

/** The largest workbook a service accepts (a 100,000-row sheet is a few MiB). */
export const MAX_XLSX_BODY_BYTES = 32 * 1024 * 1024;

/** The whole workbook, at most 32 MiB; anything else → 415, too large → 413. */
const readWorkbook = (request: Request): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    if (mediaTypeOf(request) !== XLSX_MEDIA_TYPE || !hasBody(request))
      return reject(
        unsupported(
          `Send the workbook (.xlsx) itself as the request body, with Content-Type: ${XLSX_MEDIA_TYPE}.`,
        ),
      );
    if (Number(request.headers['content-length'] ?? 0) > MAX_XLSX_BODY_BYTES)
      return reject(tooLarge(MAX_XLSX_BODY_BYTES));
    const refused = compressed(request);
    if (refused) return reject(refused);

    readBody(request, MAX_XLSX_BODY_BYTES, reject, (bytes) =>
      bytes.length === 0
        ? reject(new BadRequestException('The workbook is empty.'))
        : resolve(bytes),
    );
  });

/**
 * Reads an uploaded `.xlsx` workbook into `request.body` as a Buffer. An interceptor, not a
 * middleware, because interceptors run after the guards: a caller without a token, or without
 * the route's role, is refused before a byte of a body of up to 32 MiB is read (Node then
 * discards the unread rest as it arrives, never holding it).
 */
@Injectable()
export class XlsxBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();

    return from(readWorkbook(request)).pipe(
      switchMap((workbook) => {
        request.body = workbook;

        return next.handle();
      }),
    );
  }
}

/**
 * The route takes the raw workbook as its body (`@Body() workbook: Buffer`), with Content-Type
 * `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (a browser sends a File so
 * with `fetch`), at most 32 MiB, read only once the caller's token and role are checked.
 */
export const XlsxUpload = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    UseInterceptors(XlsxBodyInterceptor),
    ApiConsumes(XLSX_MEDIA_TYPE),
    ApiBody({ schema: { type: 'string', format: 'binary' } }),
  );
