import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import { PostgresEventStore } from '@taizhang/event-store';

import { loadCongressInScope } from '../congresses';
import { listCongressProposals } from './congress-proposals.query';
import { CongressProposalsDto } from './dto/proposal.dto';

/** 提案落实情况: a session's proposals, read as the review sheet of the next session. */
@ApiTags('proposals 提案')
@Controller('congresses')
export class CongressProposalsController {
  constructor(private readonly store: PostgresEventStore) {}

  /** Same callers as the session itself; 404 for a session outside the scope, as for an absent one. */
  @Roles('union_cadre', 'federation_officer', 'auditor')
  @Get(':id/proposals')
  @ApiOkResponse({ type: CongressProposalsDto })
  async list(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CongressProposalsDto> {
    const { state: congress } = await loadCongressInScope(this.store, user, id);
    const { proposals, counts } = await listCongressProposals(this.store, congress.congressId);

    return {
      congressId: congress.congressId,
      unionId: congress.unionId,
      heldOn: congress.heldOn,
      total: proposals.length,
      counts,
      proposals,
    };
  }
}
