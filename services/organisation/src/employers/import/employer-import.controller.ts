import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { canReach, Roles } from '@taizhang/auth';
import { SignedInCommand, XlsxUpload } from '@taizhang/bootstrap';

import { EmployerImportResultDto } from './employer-import.result';
import { EmployerImportService } from './employer-import.service';

@ApiTags('employers 单位台账')
@Controller('employers/import')
export class EmployerImportController {
  constructor(private readonly imports: EmployerImportService) {}

  /**
   * 批量登记: the workbook itself is the body (Content-Type of .xlsx, at most 32 MiB). The first
   * sheet has the headers 统一社会信用代码, 单位名称, 单位类型, 所属街道 (the street's id or code),
   * 职工人数, 女职工人数, 农民工人数, 新就业形态劳动者人数. Each valid row is registered; the
   * same file again records nothing new.
   */
  @Roles('federation_officer')
  @Post()
  @HttpCode(200)
  @XlsxUpload()
  @ApiOkResponse({ type: EmployerImportResultDto })
  import(
    @Body() workbook: Buffer,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<EmployerImportResultDto> {
    // Each row is its own command: the request's Idempotency-Key cannot stand for all of them,
    // and need not, since every row is idempotent by its credit code.
    return this.imports.import(workbook, { ...request.metadata(), commandId: null }, (path) =>
      canReach(user, path),
    );
  }
}
