import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { SignedInCommand } from '@taizhang/bootstrap';
import type { ImportJobProgress } from '@taizhang/import-jobs';
import { ImportJobs, ImportUpload } from '@taizhang/import-jobs';

import { EMPLOYER_IMPORT } from './employer-import.service';

@ApiTags('employers 单位台账')
@Controller('employers/import')
export class EmployerImportController {
  constructor(private readonly jobs: ImportJobs) {}

  /**
   * 批量登记: the workbook itself is the body (Content-Type of .xlsx, at most 32 MiB). The first
   * sheet has the headers 统一社会信用代码, 单位名称, 单位类型, 所属街道 (the street's id or code),
   * 职工人数, 女职工人数, 农民工人数, 新就业形态劳动者人数. Answered 202 at once with the job
   * (`Location: /imports/:id`), seen by the officer's federation and those above it: each valid
   * row is registered, the answer lists the credit codes; the same file again records nothing new.
   */
  @ImportUpload(['federation_officer'])
  import(
    @Body() workbook: Buffer,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<ImportJobProgress> {
    return this.jobs.submit(EMPLOYER_IMPORT, {
      caller: user,
      // A federation officer always belongs to a unit.
      orgPath: user.orgPath!,
      params: {},
      workbook,
      metadata: request.metadata(),
    });
  }
}
