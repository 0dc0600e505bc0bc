import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_FROM_ABOVE } from '@taizhang/auth';
import { CommandPost, SignedInCommand } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { aggregateStream, handleCommand, PostgresEventStore } from '@taizhang/event-store';

import { loadParentInScope } from '../org-units';
import { loadUnionInScope } from '../unions';
import { RateWorkersHomeDto } from './dto/rate-workers-home.dto';
import { workersHomeDecider } from './workers-home.decider';

const workersHomeStreamId = (unionId: string): string => `workers-home-${unionId}`;

@ApiTags('workers’ homes 职工之家')
@Controller('unions/:unionId/workers-home-ratings')
export class WorkersHomesController {
  constructor(private readonly store: PostgresEventStore) {}

  /** Rated by a federation above the union, which the caller must reach (or it is unknown). */
  @CommandPost(201, ['federation_officer'])
  async rate(
    @Param('unionId', ParseUUIDPipe) unionId: string,
    @Body() body: RateWorkersHomeDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { state: union } = await loadUnionInScope(this.store, user, unionId, WRITE_FROM_ABOVE);
    const awardedBy = await loadParentInScope(this.store, user, body.awardedByOrgUnitId);

    // The ratings are a stream of their own: the union's version guards nothing there.
    return handleCommand(this.store, {
      streamId: workersHomeStreamId(unionId),
      streamType: 'workers-home',
      decider: workersHomeDecider,
      command: {
        type: 'RateWorkersHome',
        data: { year: body.year, title: body.title, awardedOn: body.awardedOn, union, awardedBy },
        metadata: request.metadata(startOfBusinessDate(body.awardedOn)),
      },
      expectedVersion: request.expectedVersion,
      orgUnit: { id: unionId, path: union.orgPath },
      id: unionId,
    });
  }

  @Roles('union_cadre', 'federation_officer', 'auditor')
  @Get()
  async list(
    @Param('unionId', ParseUUIDPipe) unionId: string,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    await loadUnionInScope(this.store, user, unionId);
    const { state, version } = await aggregateStream(
      this.store,
      workersHomeStreamId(unionId),
      workersHomeDecider,
    );

    return { unionId, ratings: state.ratings, version };
  }
}
