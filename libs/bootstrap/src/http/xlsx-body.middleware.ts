import type { ServerResponse } from 'node:http';

import type { NestMiddleware } from '@nestjs/common';
import { BadRequestException, Injectable } from '@nestjs/common';

import type { Next, Request } from './json-body.middleware';
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

/**
 * Reads an uploaded `.xlsx` workbook into `request.body` as a Buffer, for the routes a service
 * applies it to (`consumer.apply(XlsxBodyMiddleware).forRoutes(ImportController)`): the raw
 * workbook as the body with Content-Type `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`
 * (a browser sends a File so with `fetch`), at most 32 MiB. Anything else → 415, too large → 413.
 */
@Injectable()
export class XlsxBodyMiddleware implements NestMiddleware<Request, ServerResponse> {
  use(request: Request, _response: ServerResponse, next: Next): void {
    if (mediaTypeOf(request) !== XLSX_MEDIA_TYPE || !hasBody(request))
      return next(
        unsupported(
          `Send the workbook (.xlsx) itself as the request body, with Content-Type: ${XLSX_MEDIA_TYPE}.`,
        ),
      );
    if (Number(request.headers['content-length'] ?? 0) > MAX_XLSX_BODY_BYTES)
      return next(tooLarge(MAX_XLSX_BODY_BYTES));
    const refused = compressed(request);
    if (refused) return next(refused);

    readBody(request, MAX_XLSX_BODY_BYTES, next, (bytes) => {
      if (bytes.length === 0) return next(new BadRequestException('The workbook is empty.'));
      request.body = bytes;
      next();
    });
  }
}
