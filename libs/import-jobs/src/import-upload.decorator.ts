import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { applyDecorators, HttpCode, Injectable, Post, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse } from '@nestjs/swagger';

import type { Response } from 'express';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';

import type { Role } from '@taizhang/auth';
import { Roles } from '@taizhang/auth';
import { XlsxUpload } from '@taizhang/bootstrap';

import { ImportJobProgressDto } from './import-job.schema';

/** Where a job is read: `Location` of the upload's answer. */
export const importJobPath = (id: string): string => `/imports/${id}`;

@Injectable()
class JobLocationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();

    return next.handle().pipe(
      map((job: { id: string }) => {
        response.setHeader('location', importJobPath(job.id));

        return job;
      }),
    );
  }
}

/**
 * A sheet upload run as a job: `@Roles` + `@Post` + `@XlsxUpload` (the workbook is the body), the
 * answer `202 Accepted` with `Location: /imports/:id` and the job as queued.
 */
export const ImportUpload = (roles: readonly Role[], path?: string): MethodDecorator =>
  applyDecorators(
    Roles(...roles),
    Post(path),
    HttpCode(202),
    XlsxUpload(),
    UseInterceptors(JobLocationInterceptor),
    ApiAcceptedResponse({
      type: ImportJobProgressDto,
      description: 'queued: follow it at Location (GET /imports/:id, or its /events stream)',
      headers: { Location: { description: 'the job: /imports/:id', schema: { type: 'string' } } },
    }),
  );
