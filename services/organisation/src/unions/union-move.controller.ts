import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { WRITE_ACCESS } from '@taizhang/auth';
import { CommandPost, SignedInCommand } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { MoveOrgUnitDto } from '../org-units';
import { loadParentInScope } from '../org-units';
import { runUnionCommandInScope } from './union-scope';

@ApiTags('unions 基层工会')
@Controller('unions')
export class UnionMoveController {
  constructor(private readonly store: PostgresEventStore) {}

  /**
   * 隶属关系调整: the union sits under another street or district federation from a date; its
   * members' later records carry the new path, figures before the date stay with the old parent.
   */
  @CommandPost(200, ['admin'], ':id/move')
  async move(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: MoveOrgUnitDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const parent = await loadParentInScope(this.store, user, body.parentId);

    return runUnionCommandInScope(this.store, user, unionId, request, WRITE_ACCESS, (state) => ({
      type: 'MoveUnion',
      data: {
        parent,
        effectiveOn: body.effectiveOn,
        currentOrgPath: 'orgPath' in state ? state.orgPath : unionId,
      },
      metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
    }));
  }
}
