import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { ImportResultSchema } from '@taizhang/sheets';

import type { ImportJobState } from './import-job.state';


const COUNT = z.number().int().min(0);

/** The states of `ImportJobState`, for the schema. */
const STATES = ['queued', 'running', 'done', 'failed'] as const satisfies readonly ImportJobState[];

/** Where a job stands: its state and what it has done so far. */
export const ImportJobProgressSchema = z.object({
  id: z.string().uuid(),
  kind: z.string().describe('what the sheet holds, e.g. members, employers'),
  state: z
    .enum(STATES)
    .describe('queued 排队, running 执行中 (also while it waits to be resumed), done 已完成, failed 失败'),
  rows: COUNT.describe('data rows read so far'),
  recorded: COUNT.describe('rows recorded by this job so far'),
  already: COUNT.describe('rows whose record was there before'),
  rejected: COUNT.describe('rows refused so far'),
  error: z
    .object({ code: z.string(), en: z.string(), zh: z.string() })
    .nullable()
    .describe('why a failed job stopped; null otherwise'),
  createdAt: z.string().describe('when the sheet was uploaded (ISO 8601)'),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});

/** A job as `GET /imports/:id` answers it: its progress and, once done, its whole answer. */
export const ImportJobSchema = ImportJobProgressSchema.extend({
  result: ImportResultSchema.nullable().describe(
    'once done: every row by its outcome, with the ids created and the ids already there',
  ),
});

export type ImportJobProgress = z.infer<typeof ImportJobProgressSchema>;
export type ImportJob = z.infer<typeof ImportJobSchema>;

export class ImportJobProgressDto extends createZodDto(ImportJobProgressSchema) {}
export class ImportJobDto extends createZodDto(ImportJobSchema) {}
