import {
  applyDecorators,
  Get,
  Header,
  PayloadTooLargeException,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';

import { z } from 'zod';

import { XLSX_MEDIA_TYPE } from './json-body.middleware';

/** The most rows one page of a list carries. */
export const MAX_PAGE_SIZE = 500;

/** More rows than a sheet should carry: the caller asks for a smaller unit or a narrower filter. */
export const EXPORT_MAX_ROWS = 50_000;

/** `page` and `pageSize` of a list's query (`?page=1&pageSize=50`); anything else is a 400. */
export const pageQueryFields = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).describe('the page, from 1'),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(50)
    .describe(`rows per page (at most ${MAX_PAGE_SIZE})`),
};

/** The answer's paging fields, beside the rows: `total` counts every row on every page. */
export const pageAnswerFields = {
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().describe('rows in all, on every page'),
};

/** The rows a page asks for, as SQL's LIMIT and OFFSET. */
export const pageWindow = ({ page, pageSize }: { page: number; pageSize: number }) => ({
  limit: pageSize,
  offset: (page - 1) * pageSize,
});

/** The rows a sheet reads: one more than it may carry, so that `total` can tell it is too many. */
export const SHEET_WINDOW = { limit: EXPORT_MAX_ROWS + 1, offset: 0 } as const;

/** 413 `EXPORT_TOO_LARGE` when a sheet would carry more than `max` rows. */
export const refuseLargeExport = (total: number, max = EXPORT_MAX_ROWS): void => {
  if (total > max)
    throw new PayloadTooLargeException({
      code: 'EXPORT_TOO_LARGE',
      message: `${total} rows are more than the ${max} a sheet carries: export a unit further down or a narrower filter. / 导出行数超过上限，请按下级组织或更窄的条件导出。`,
    });
};

/** A GET route answering an `.xlsx` workbook, documented as such in OpenAPI, never cached. */
export const SheetGet = (path: string, description: string) =>
  applyDecorators(
    Get(path),
    ApiOkResponse({
      description,
      content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
    }),
    Header('content-type', XLSX_MEDIA_TYPE),
    Header('Cache-Control', 'no-store'),
  );

/** The workbook as a download named `filename`. */
export const sheetAttachment = (workbook: Buffer, filename: string): StreamableFile =>
  new StreamableFile(workbook, { disposition: `attachment; filename="${filename}"` });
