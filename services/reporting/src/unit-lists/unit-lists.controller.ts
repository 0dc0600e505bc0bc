import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';

import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

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
import { poolOf } from '@taizhang/event-store';
import { writeSheet } from '@taizhang/sheets';

import { knownAtTitle, requireOrgPathInScope } from '../org-summary';
import {
  EmployersOfUnitDto,
  EmployersQueryDto,
  EmployersSheetQueryDto,
  UnionsOfUnitDto,
  UnionsQueryDto,
  UnionsSheetQueryDto,
} from './unit-lists.dto';
import { employersOfUnit, unionsOfUnit } from './unit-lists.query';
import { EMPLOYER_COLUMNS, UNION_COLUMNS } from './unit-lists.sheets';

const coveredOf = (covered: 'true' | 'false' | undefined) =>
  covered === undefined ? null : covered === 'true';

// A list and its sheet filter alike.
const unionFilter = (query: UnionsSheetQueryDto) => ({
  status: query.status ?? null,
  name: query.name ?? null,
  knownAt: query.knownAt ?? null,
});
const employerFilter = (query: EmployersSheetQueryDto) => ({
  status: query.status ?? null,
  covered: coveredOf(query.covered),
  name: query.name ?? null,
  knownAt: query.knownAt ?? null,
});
// The answer names the instant it is as known at, when asked.
const knownAtOf = (query: { knownAt?: string | undefined }) =>
  query.knownAt === undefined ? {} : { knownAt: query.knownAt };

/**
 * The unions and the employers of a unit's subtree (工会名录, 单位台账) on any date: the rows behind
 * the figures `unions`, `employers` and `coveredEmployers`, from the same read models, so a list
 * and its figure agree. Public registry data only; scope as the figures (outside: 404).
 */
@ApiTags('reports 统计')
@Roles('union_cadre', 'federation_officer', 'auditor')
@Controller('reports/org-units')
export class UnitListsController {
  private readonly pool: Pool;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = poolOf(dataSource);
  }

  @Get(':id/unions')
  @ApiOkResponse({ type: UnionsOfUnitDto })
  async unions(
    @Param('id') id: string,
    @Query() query: UnionsQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<UnionsOfUnitDto> {
    await requireOrgPathInScope(this.pool, user, id);
    const on = query.asOf ?? businessDate(new Date());
    const { total, unions } = await unionsOfUnit(
      this.pool,
      id,
      on,
      unionFilter(query),
      pageWindow(query),
    );

    return {
      orgUnitId: id,
      asOf: on,
      ...knownAtOf(query),
      page: query.page,
      pageSize: query.pageSize,
      total,
      unions,
    };
  }

  @SheetGet(':id/unions.xlsx', '工会名录 as an .xlsx workbook, the oldest first')
  async unionsSheet(
    @Param('id') id: string,
    @Query() query: UnionsSheetQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    await requireOrgPathInScope(this.pool, user, id);
    const on = query.asOf ?? businessDate(new Date());
    const { total, unions } = await unionsOfUnit(
      this.pool,
      id,
      on,
      unionFilter(query),
      SHEET_WINDOW,
    );
    refuseLargeExport(total);
    const workbook = await writeSheet({
      sheetName: '工会名录',
      title: `工会名录（截至${on}${knownAtTitle(query.knownAt)}）`,
      columns: UNION_COLUMNS,
      rows: unions,
    });

    return sheetAttachment(workbook, `unions-${id}-${on}.xlsx`);
  }

  @Get(':id/employers')
  @ApiOkResponse({ type: EmployersOfUnitDto })
  async employers(
    @Param('id') id: string,
    @Query() query: EmployersQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EmployersOfUnitDto> {
    await requireOrgPathInScope(this.pool, user, id);
    const on = query.asOf ?? businessDate(new Date());
    const { total, employers } = await employersOfUnit(
      this.pool,
      id,
      on,
      employerFilter(query),
      pageWindow(query),
    );

    return {
      orgUnitId: id,
      asOf: on,
      ...knownAtOf(query),
      page: query.page,
      pageSize: query.pageSize,
      total,
      employers,
    };
  }

  @SheetGet(':id/employers.xlsx', '单位台账 as an .xlsx workbook, biggest headcount first')
  async employersSheet(
    @Param('id') id: string,
    @Query() query: EmployersSheetQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    await requireOrgPathInScope(this.pool, user, id);
    const on = query.asOf ?? businessDate(new Date());
    const { total, employers } = await employersOfUnit(
      this.pool,
      id,
      on,
      employerFilter(query),
      SHEET_WINDOW,
    );
    refuseLargeExport(total);
    const workbook = await writeSheet({
      sheetName: '单位台账',
      title: `单位台账（截至${on}${knownAtTitle(query.knownAt)}）`,
      columns: EMPLOYER_COLUMNS,
      rows: employers,
    });

    return sheetAttachment(workbook, `employers-${id}-${on}.xlsx`);
  }
}
