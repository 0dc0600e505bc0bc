import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { Response } from 'express';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';
import { PostgresEventStore } from '@taizhang/event-store';

import { MoveOrgUnitDto } from '../org-units/dto/change-org-unit.dto';
import { loadParentInScope } from '../org-units/org-unit-scope';
import { startOfBusinessDate } from '../shared/business-date';
import { commandResponse, CommandResponseDto } from '../shared/command-response';
import { loadUnionInScope } from './union-scope';
import { runUnionCommand } from './union-streams';

@ApiTags('unions 基层工会')
@Controller('unions')
export class UnionMoveController {
  constructor(private readonly store: PostgresEventStore) {}

  /**
   * 隶属关系调整: the union sits under another street or district federation from a date; its
   * members' later records carry the new path, figures before the date stay with the old parent.
   */
  @Post(':id/move')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async move(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: MoveOrgUnitDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { state } = await loadUnionInScope(this.store, user, unionId, { access: 'write' });
    const parent = await loadParentInScope(this.store, user, body.parentId);
    const result = await runUnionCommand(
      this.store,
      unionId,
      {
        type: 'MoveUnion',
        data: {
          parent,
          effectiveOn: body.effectiveOn,
          currentOrgPath: 'orgPath' in state ? state.orgPath : unionId,
        },
        metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
      },
      { expectedVersion: request.expectedVersion },
    );

    return commandResponse(result, response);
  }
}
