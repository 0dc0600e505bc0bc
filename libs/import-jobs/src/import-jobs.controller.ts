import type { MessageEvent } from '@nestjs/common';
import { Controller, Get, Header, Param, ParseUUIDPipe, Sse, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import type { Observable } from 'rxjs';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import { XLSX_MEDIA_TYPE } from '@taizhang/bootstrap';

import { ImportJobDto } from './import-job.schema';
import { ImportJobs } from './import-jobs.service';

/** Import jobs are read by the uploader's unit and those above it; an auditor reads too. */
@ApiTags('imports 导入任务')
@Controller('imports')
@Roles('union_cadre', 'federation_officer', 'auditor')
export class ImportJobsController {
  constructor(private readonly jobs: ImportJobs) {}

  /** A job: its state, progress and, once done, its answer with every id; 404 outside scope. */
  @Get(':id')
  @ApiOkResponse({ type: ImportJobDto })
  find(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ImportJobDto> {
    return this.jobs.find(user, id);
  }

  /**
   * The job's progress as server-sent events: `progress` (data: the job without its answer)
   * whenever it changed, then `done` or `failed`, and the stream ends. Read the answer at
   * `GET /imports/:id`.
   */
  @Sse(':id/events')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream of progress, then done or failed' })
  events(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<Observable<MessageEvent>> {
    return this.jobs.follow(user, id);
  }

  /** The refused rows, as uploaded, with a column of reasons (中文 and English), to re-upload. */
  @Get(':id/rejected.xlsx')
  @ApiOkResponse({
    description: '未导入的行 as an .xlsx workbook: the sheet columns and 未导入原因 Reason',
    content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @Header('content-type', XLSX_MEDIA_TYPE)
  async rejected(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    return new StreamableFile(await this.jobs.rejectedSheet(user, id), {
      disposition: `attachment; filename="import-${id}-rejected.xlsx"`,
    });
  }
}
