import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { SignedInCommand } from '@taizhang/bootstrap';
import type { ImportJobProgress } from '@taizhang/import-jobs';
import { ImportJobs, ImportUpload } from '@taizhang/import-jobs';

import { MEMBER_IMPORT, MemberImportService } from './member-import.service';

@ApiTags('members 会员')
@Controller('unions/:unionId/members/import')
export class MemberImportController {
  constructor(
    private readonly imports: MemberImportService,
    private readonly jobs: ImportJobs,
  ) {}

  /**
   * 会员批量导入: the workbook itself is the body (Content-Type of .xlsx, at most 32 MiB). The
   * first sheet has the headers 姓名, 性别, 身份证号码, 用工形式, 是否农民工, 入会日期 and, if
   * kept, 手机号码, 出生日期, 工作单位统一社会信用代码, 入会方式. Answered 202 at once with the
   * job (`Location: /imports/:id`): each valid row joins the union, the answer lists the member
   * ids; the same file again records nothing new. A union out of reach or not taking members,
   * and a file that is not a readable sheet, are refused at once.
   */
  @ImportUpload(['union_cadre', 'federation_officer'])
  async import(
    @Param('unionId', ParseUUIDPipe) unionId: string,
    @Body() workbook: Buffer,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<ImportJobProgress> {
    const union = await this.imports.activeUnion(user, unionId);

    return this.jobs.submit(MEMBER_IMPORT, {
      caller: user,
      orgPath: 'orgPath' in union ? union.orgPath : unionId,
      params: { unionId },
      workbook,
      metadata: request.metadata(),
    });
  }
}
