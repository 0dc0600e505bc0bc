import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CommandPost, SignedInCommand } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { NotFoundError, PostgresEventStore } from '@taizhang/event-store';

import { loadParentInScope } from '../org-units';
import { JoinUnionDto } from './dto/join-union.dto';
import { MemberJoinsService } from './member-joins.service';

/**
 * 先由上级工会发展会员 (seed 003): a street, community or village federation records a member
 * whose workplace has no union yet; it holds the membership until a union is founded there.
 */
@ApiTags('members 会员')
@Controller('org-units/:id/members')
export class HeldMembersController {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly joins: MemberJoinsService,
  ) {}

  @CommandPost(201, ['federation_officer'])
  async join(
    @Param('id', ParseUUIDPipe) orgUnitId: string,
    @Body() body: JoinUnionDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const holder = await loadParentInScope(this.store, user, orgUnitId);
    if (!holder) throw new NotFoundError(`Org unit ${orgUnitId} does not exist. / 组织不存在。`);

    return this.joins.joinHeld(
      holder,
      body,
      request.metadata(startOfBusinessDate(body.joinedOn)),
      request.expectedVersion,
    );
  }
}
