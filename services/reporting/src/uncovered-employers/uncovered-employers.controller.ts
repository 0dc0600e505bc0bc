import {
  Controller,
  Get,
  Header,
  Param,
  PayloadTooLargeException,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';

import { createZodDto } from 'nestjs-zod';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { z } from 'zod';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import { XLSX_MEDIA_TYPE } from '@taizhang/bootstrap';
import { businessDate, text } from '@taizhang/domain';
import { poolOf } from '@taizhang/event-store';
import { writeSheet } from '@taizhang/sheets';

import { KnownAtSchema, knownAtTitle, requireOrgPathInScope } from '../org-summary';
import type { UncoveredEmployer } from './uncovered-employers.query';
import { uncoveredEmployers } from './uncovered-employers.query';

/** More rows than a federation's sheet should carry: ask for a smaller unit instead. */
export const UNCOVERED_EXPORT_MAX_ROWS = 50_000;

const asOf = z.iso
  .date('asOf must be a date as YYYY-MM-DD')
  .optional()
  .describe('the list as it stood at the end of this day (default: today in China)');

const knownAt = KnownAtSchema.optional().describe(
  'the list as known at this instant: employers and their coverage as last recorded by then (those recorded later left out); names and the tree as now',
);
const name = text(100)
  .optional()
  .describe('part of the name, as written (Chinese too): 快递 finds 沈阳快递有限公司');
// A list and its sheet filter alike.
const filterOf = (query: { knownAt?: string | undefined; name?: string | undefined }) => ({
  knownAt: query.knownAt ?? null,
  name: query.name ?? null,
});

const ExportQuerySchema = z.object({ asOf, knownAt, name }).strict();
class ExportQueryDto extends createZodDto(ExportQuerySchema) {}

const PageQuerySchema = z
  .object({
    asOf,
    knownAt,
    name,
    page: z.coerce.number().int().min(1).default(1).describe('the page, from 1'),
    pageSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(500)
      .default(50)
      .describe('rows per page (at most 500)'),
  })
  .strict();
class PageQueryDto extends createZodDto(PageQuerySchema) {}

const UncoveredEmployerSchema = z.object({
  employerId: z.string(),
  name: z
    .string()
    .nullable()
    .describe('单位名称 (null for an employer projected before names were kept)'),
  creditCode: z.string().nullable().describe('统一社会信用代码'),
  headcount: z.number().int().describe('职工人数, as last recorded on or before the date'),
  registeredOn: z.iso.date().describe('登记日期: when the employer entered the registry'),
  registeredForDays: z.number().int().describe('days registered by the date 登记天数'),
  registeredForMonths: z.number().int().describe('whole months registered by the date 登记月数'),
});

const UncoveredEmployersSchema = z.object({
  orgUnitId: z.string(),
  asOf: z.iso.date(),
  knownAt: z.iso.datetime({ offset: true }).optional().describe('with knownAt only, as asked'),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int().describe('uncovered employers in all, on every page'),
  employers: z
    .array(UncoveredEmployerSchema)
    .describe('open employers without a covering union 未建会单位, biggest headcount first'),
});
class UncoveredEmployersDto extends createZodDto(UncoveredEmployersSchema) {}

const COLUMNS = [
  { header: '单位名称', value: (e: UncoveredEmployer) => e.name ?? '', width: 30 },
  { header: '统一社会信用代码', value: (e: UncoveredEmployer) => e.creditCode ?? '', width: 22 },
  { header: '职工人数', value: (e: UncoveredEmployer) => e.headcount },
  { header: '登记日期', value: (e: UncoveredEmployer) => e.registeredOn },
  { header: '登记天数', value: (e: UncoveredEmployer) => e.registeredForDays },
  { header: '登记月数', value: (e: UncoveredEmployer) => e.registeredForMonths },
];

/**
 * The list federations work from (心中有数, 钉子户): every registered, open employer of the unit's
 * subtree that no union covers, biggest first. Scope as the figures: a unit outside the caller's
 * subtree is 404. Public registry data only (name, credit code, headcount), no personal data.
 */
@ApiTags('reports 统计')
@Roles('union_cadre', 'federation_officer', 'auditor')
@Controller('reports/org-units')
export class UncoveredEmployersController {
  private readonly pool: Pool;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = poolOf(dataSource);
  }

  @Get(':id/uncovered-employers')
  @ApiOkResponse({ type: UncoveredEmployersDto })
  async list(
    @Param('id') id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<UncoveredEmployersDto> {
    await requireOrgPathInScope(this.pool, user, id);
    const on = query.asOf ?? businessDate(new Date());
    const { page, pageSize } = query;
    const { total, employers } = await uncoveredEmployers(
      this.pool,
      id,
      on,
      filterOf(query),
      pageSize,
      (page - 1) * pageSize,
    );
    const known = query.knownAt === undefined ? {} : { knownAt: query.knownAt };

    return { orgUnitId: id, asOf: on, ...known, page, pageSize, total, employers };
  }

  /** The whole list (not a page) as a sheet with Chinese headers; over the cap, 413. */
  @Get(':id/uncovered-employers.xlsx')
  @ApiOkResponse({
    description: '未建会单位 as an .xlsx workbook, biggest headcount first',
    content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @Header('content-type', XLSX_MEDIA_TYPE)
  async sheet(
    @Param('id') id: string,
    @Query() query: ExportQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    await requireOrgPathInScope(this.pool, user, id);
    const on = query.asOf ?? businessDate(new Date());
    const { total, employers } = await uncoveredEmployers(
      this.pool,
      id,
      on,
      filterOf(query),
      UNCOVERED_EXPORT_MAX_ROWS + 1,
      0,
    );
    if (total > UNCOVERED_EXPORT_MAX_ROWS)
      throw new PayloadTooLargeException({
        code: 'EXPORT_TOO_LARGE',
        message: `${total} employers are more than the ${UNCOVERED_EXPORT_MAX_ROWS} rows a sheet carries: export a unit further down. / 导出行数超过上限，请按下级组织导出。`,
      });
    const workbook = await writeSheet({
      sheetName: '未建会单位',
      title: `未建会单位（截至${on}${knownAtTitle(query.knownAt)}）`,
      columns: COLUMNS,
      rows: employers,
    });

    return new StreamableFile(workbook, {
      disposition: `attachment; filename="uncovered-employers-${id}-${on}.xlsx"`,
    });
  }
}
