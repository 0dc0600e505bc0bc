import { Controller, Get, Headers, Inject, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import {
  EXPORT_MAX_ROWS,
  pageWindow,
  SHEET_WINDOW,
  sheetAttachment,
  SheetGet,
} from '@taizhang/bootstrap';
import { businessDate } from '@taizhang/domain';
import { writeSheet } from '@taizhang/sheets';

import { parseIdCardNumber, PersonalDataError } from '../../members';
import { ListsReadModels } from '../lists-read-models';
import { requireUnitInScope } from '../unit-in-scope';
import {
  ID_CARD_HEADER,
  RetainedDto,
  RetainedQueryDto,
  RosterDto,
  RosterQueryDto,
  RosterSheetQueryDto,
} from './member-roster.dto';
import type { RosterFilter, RosterStatus } from './member-roster.query';
import { MemberRosterQuery } from './member-roster.query';
import { RETAINED_COLUMNS, ROSTER_COLUMNS } from './member-roster.sheets';

const WHOLE_SHEET = { ...SHEET_WINDOW, refuseAbove: EXPORT_MAX_ROWS };

const ID_CARD_LOOKUP = ApiHeader({
  name: ID_CARD_HEADER,
  required: false,
  description:
    'exact lookup by ID card number (through its blind index); a header, so that the number stays out of URLs and logs',
});

/**
 * 会员花名册 and 保留会籍: members listed for whoever keeps or oversees their records. Personal data
 * is masked in every row; it never leaves organisation (reporting counts, it does not list).
 */
@ApiTags('members 会员')
@Roles('union_cadre', 'federation_officer', 'auditor')
@Controller()
export class MemberRosterController {
  constructor(
    @Inject(MemberRosterQuery) private readonly query: MemberRosterQuery,
    @Inject(ListsReadModels) private readonly readModels: ListsReadModels,
  ) {}

  /** A union's members (会员花名册), paged, by status, part of the name, branch or ID card number. */
  @Get('unions/:id/members')
  @ID_CARD_LOOKUP
  @ApiOkResponse({ type: RosterDto })
  async roster(
    @Param('id') id: string,
    @Query() query: RosterQueryDto,
    @Headers(ID_CARD_HEADER) idCardNumber: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<RosterDto> {
    const union = await requireUnitInScope(this.readModels.store, user, id, ['union']);
    const { total, members } = await this.query.roster(
      user,
      union.id,
      this.filterOf(query, idCardNumber),
      pageWindow(query),
    );

    return { unionId: union.id, page: query.page, pageSize: query.pageSize, total, members };
  }

  /** The whole roster (not a page) as a sheet; more rows than a sheet carries is a 413. */
  @SheetGet('unions/:id/members.xlsx', '会员花名册 as an .xlsx workbook, personal data masked')
  @ID_CARD_LOOKUP
  async rosterSheet(
    @Param('id') id: string,
    @Query() query: RosterSheetQueryDto,
    @Headers(ID_CARD_HEADER) idCardNumber: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const union = await requireUnitInScope(this.readModels.store, user, id, ['union']);
    const { members } = await this.query.roster(
      user,
      union.id,
      this.filterOf(query, idCardNumber),
      WHOLE_SHEET,
    );
    const today = businessDate(new Date());
    const workbook = await writeSheet({
      sheetName: '会员花名册',
      title: `${union.name ?? ''}会员花名册（${today}）`,
      columns: ROSTER_COLUMNS,
      rows: members,
    });

    return sheetAttachment(workbook, `members-${union.id}-${today}.xlsx`);
  }

  /** 保留会籍: memberships held by the unit, or by a unit below it, paged. */
  @Get('org-units/:id/retained-memberships')
  @ApiOkResponse({ type: RetainedDto })
  async retained(
    @Param('id') id: string,
    @Query() query: RetainedQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<RetainedDto> {
    const unit = await requireUnitInScope(this.readModels.store, user, id);
    const { total, members } = await this.query.retained(user, unit, pageWindow(query));

    return { orgUnitId: unit.id, page: query.page, pageSize: query.pageSize, total, members };
  }

  @SheetGet(
    'org-units/:id/retained-memberships.xlsx',
    '保留会籍 as an .xlsx workbook, personal data masked',
  )
  async retainedSheet(
    @Param('id') id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    const unit = await requireUnitInScope(this.readModels.store, user, id);
    const { members } = await this.query.retained(user, unit, WHOLE_SHEET);
    const today = businessDate(new Date());
    const workbook = await writeSheet({
      sheetName: '保留会籍',
      title: `保留会籍会员（${today}）`,
      columns: RETAINED_COLUMNS,
      rows: members,
    });

    return sheetAttachment(workbook, `retained-memberships-${unit.id}-${today}.xlsx`);
  }

  private filterOf(
    query: { status?: RosterStatus; name?: string; branch?: string },
    idCardNumber: string | undefined,
  ): RosterFilter {
    let memberId: string | null = null;
    if (idCardNumber !== undefined) {
      const parsed = parseIdCardNumber(idCardNumber);
      if (!parsed.ok) throw PersonalDataError.idCard(parsed.problem);
      memberId = this.query.memberIdOf(parsed.facts.normalised);
    }

    return {
      statuses: query.status ? [query.status] : ['active', 'retained'],
      name: query.name ?? null,
      memberId,
      branchId: query.branch ?? null,
    };
  }
}
