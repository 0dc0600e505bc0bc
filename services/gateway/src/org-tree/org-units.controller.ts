import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { Pool } from 'pg';

import { Roles } from '@taizhang/auth';
import { NotFoundError } from '@taizhang/event-store';

import { PageQueryDto } from '../shared/page-query.dto';
import { PG_POOL } from '../shared/tokens';
import type { OrgUnitRow } from './org-tree.query';
import { findOrgUnit, listOrgUnits } from './org-tree.query';

/** The org units the gateway knows, for admins placing accounts. */
@ApiTags('org-units 组织')
@Controller('org-units')
@Roles('admin')
export class OrgUnitsController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  async list(@Query() page: PageQueryDto): Promise<{ orgUnits: OrgUnitRow[] }> {
    return { orgUnits: await listOrgUnits(this.pool, page) };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<OrgUnitRow> {
    const unit = await findOrgUnit(this.pool, id);
    if (!unit)
      throw new NotFoundError(`No org unit ${id} is known to the gateway. / 未找到该组织。`);

    return unit;
  }
}
