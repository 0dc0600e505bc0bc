import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '@taizhang/auth';
import { SignedInCommand, XlsxUpload } from '@taizhang/bootstrap';

import { MemberImportResultDto } from './member-import.result';
import { MemberImportService } from './member-import.service';

@ApiTags('members 会员')
@Controller('unions/:unionId/members/import')
export class MemberImportController {
  constructor(private readonly imports: MemberImportService) {}

  /**
   * 会员批量导入: the workbook itself is the body (Content-Type of .xlsx, at most 32 MiB). The
   * first sheet has the headers 姓名, 性别, 身份证号码, 用工形式, 是否农民工, 入会日期 and, if
   * kept, 手机号码, 出生日期, 工作单位统一社会信用代码, 入会方式. Each valid row joins the union;
   * the same file again records nothing new.
   */
  @Roles('union_cadre', 'federation_officer')
  @Post()
  @HttpCode(200)
  @XlsxUpload()
  @ApiOkResponse({ type: MemberImportResultDto })
  import(
    @Param('unionId', ParseUUIDPipe) unionId: string,
    @Body() workbook: Buffer,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<MemberImportResultDto> {
    // Each row is its own command: the request's Idempotency-Key cannot stand for all of them,
    // and need not, since every row is idempotent by its person's stream.
    return this.imports.import(user, unionId, workbook, (occurredAt) => ({
      ...request.metadata(occurredAt),
      commandId: null,
    }));
  }
}
