import { Controller, Get, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import {
  pageWindow,
  refuseLargeExport,
  SHEET_WINDOW,
  sheetAttachment,
  SheetGet,
} from '@taizhang/bootstrap';
import { businessDate } from '@taizhang/domain';
import { writeSheet } from '@taizhang/sheets';

import { ListsReadModels } from '../lists-read-models';
import { requireUnitInScope } from '../unit-in-scope';
import {
  PendingApprovalsDto,
  PendingQueryDto,
  PendingSheetQueryDto,
  TermWarningsDto,
  TermWarningsQueryDto,
  TermWarningsSheetQueryDto,
} from './union-lists.dto';
import { PENDING_COLUMNS, TERM_COLUMNS } from './union-lists.sheets';
import { UnionRegisterQuery } from './union-register.query';

/**
 * What a federation must answer (组建申请, 换届选举 awaiting approval, DESIGN §9) and whose
 * committee term ends soon (换届预警 ahead of time), for a unit and everything below it. Read from
 * organisation's own events, so an approval just recorded has left the queue at once.
 */
@ApiTags('unions 工会')
@Controller('org-units')
export class UnionListsController {
  constructor(
    @Inject(UnionRegisterQuery) private readonly query: UnionRegisterQuery,
    @Inject(ListsReadModels) private readonly readModels: ListsReadModels,
  ) {}

  /** Applications and elections waiting for a federation at or below the unit, with the days waited. */
  @Roles('federation_officer', 'auditor')
  @Get(':id/pending-approvals')
  @ApiOkResponse({ type: PendingApprovalsDto })
  async pending(
    @Param('id') id: string,
    @Query() query: PendingQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PendingApprovalsDto> {
    const unit = await requireUnitInScope(this.readModels.store, user, id, ['federation']);
    const today = businessDate(new Date());
    const { total, rows } = await this.query.pending(
      unit.path,
      today,
      query.kind ?? null,
      pageWindow(query),
    );

    return {
      orgUnitId: id,
      today,
      page: query.page,
      pageSize: query.pageSize,
      total,
      pending: rows,
    };
  }

  @Roles('federation_officer', 'auditor')
  @SheetGet(':id/pending-approvals.xlsx', '待审批事项 as an .xlsx workbook, longest waiting first')
  async pendingSheet(
    @Param('id') id: string,
    @Query() query: PendingSheetQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const unit = await requireUnitInScope(this.readModels.store, user, id, ['federation']);
    const today = businessDate(new Date());
    const { total, rows } = await this.query.pending(
      unit.path,
      today,
      query.kind ?? null,
      SHEET_WINDOW,
    );
    refuseLargeExport(total);
    const workbook = await writeSheet({
      sheetName: '待审批事项',
      title: `待审批事项（${today}）`,
      columns: PENDING_COLUMNS,
      rows,
    });

    return sheetAttachment(workbook, `pending-approvals-${id}-${today}.xlsx`);
  }

  /** 换届预警: unions of the unit's subtree whose term ends within 90 or 180 days, or has ended. */
  @Roles('union_cadre', 'federation_officer', 'auditor')
  @Get(':id/term-warnings')
  @ApiOkResponse({ type: TermWarningsDto })
  async termWarnings(
    @Param('id') id: string,
    @Query() query: TermWarningsQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<TermWarningsDto> {
    const unit = await requireUnitInScope(this.readModels.store, user, id);
    const today = businessDate(new Date());
    const within = Number(query.within);
    const { total, rows } = await this.query.termWarnings(
      unit.path,
      today,
      { within, state: query.state ?? null },
      pageWindow(query),
    );

    return {
      orgUnitId: id,
      today,
      within,
      page: query.page,
      pageSize: query.pageSize,
      total,
      unions: rows,
    };
  }

  @Roles('union_cadre', 'federation_officer', 'auditor')
  @SheetGet(':id/term-warnings.xlsx', '换届预警 as an .xlsx workbook, the earliest term end first')
  async termWarningsSheet(
    @Param('id') id: string,
    @Query() query: TermWarningsSheetQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const unit = await requireUnitInScope(this.readModels.store, user, id);
    const today = businessDate(new Date());
    const within = Number(query.within);
    const { total, rows } = await this.query.termWarnings(
      unit.path,
      today,
      { within, state: query.state ?? null },
      SHEET_WINDOW,
    );
    refuseLargeExport(total);
    const workbook = await writeSheet({
      sheetName: '换届预警',
      title: `换届预警：${within}天内任期届满或已到期（${today}）`,
      columns: TERM_COLUMNS,
      rows,
    });

    return sheetAttachment(workbook, `term-warnings-${id}-${today}.xlsx`);
  }
}
