import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import { CommandPost, SignedInCommand, versioned, VersionedRead } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { handleCommand, PostgresEventStore } from '@taizhang/event-store';

import { loadUnionInScope } from '../unions';
import { branchUnitsDecider } from './branch-units.decider';
import { branchUnitsStreamId, readBranchUnits } from './branch-units-streams';
import { BranchUnitsViewDto, CreateBranchUnitDto } from './dto/branch-units.dto';

/**
 * 分工会 and 工会小组: set up by the union's cadre (or an officer above), read by whoever may read
 * the union. A union outside the caller's scope is 404, as an unknown one.
 */
@ApiTags('unions 基层工会')
@Controller('unions/:id/branches')
export class BranchUnitsController {
  constructor(private readonly store: PostgresEventStore) {}

  @CommandPost(201, ['union_cadre', 'federation_officer'])
  async create(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: CreateBranchUnitDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { state: union } = await loadUnionInScope(this.store, user, unionId, WRITE_ACCESS);
    const branchId = randomUUID();

    return handleCommand(this.store, {
      streamId: branchUnitsStreamId(unionId),
      streamType: 'union-branches',
      decider: branchUnitsDecider,
      command: {
        type: 'CreateBranchUnit',
        data: { ...body, branchId, union },
        metadata: request.metadata(startOfBusinessDate(body.establishedOn)),
      },
      expectedVersion: request.expectedVersion,
      // Its events concern the union (a branch is not a unit of the org tree).
      orgUnit: { id: unionId, path: union.orgPath },
      id: branchId,
      fingerprint: ['CreateBranchUnit', unionId, body],
    });
  }

  @Roles('union_cadre', 'federation_officer', 'auditor')
  @Get()
  @ApiOkResponse({ type: BranchUnitsViewDto })
  @VersionedRead()
  async list(@Param('id', ParseUUIDPipe) unionId: string, @CurrentUser() user: AuthenticatedUser) {
    await loadUnionInScope(this.store, user, unionId);
    const { branches, version } = await readBranchUnits(this.store, unionId);

    return versioned<BranchUnitsViewDto>(version, { unionId, branches });
  }
}
