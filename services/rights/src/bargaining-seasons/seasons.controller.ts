import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import { CommandPost, SignedInCommand, versioned, VersionedRead } from '@taizhang/bootstrap';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { LaunchSeasonDto, SeasonViewDto } from './dto/season.dto';
import {
  loadFederationInScope,
  loadSeasonInScope,
  requestsMade,
  runSeasonCommand,
} from './season-streams';

/** 工资集体协商要约行动季: a federation's campaign, its target against the requests made. */
@ApiTags('wage-bargaining seasons 要约行动季')
@Controller('bargaining-seasons')
export class SeasonsController {
  constructor(private readonly store: PostgresEventStore) {}

  @CommandPost(201, ['federation_officer'])
  async launch(
    @Body() body: LaunchSeasonDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { state: federation, unit } = await loadFederationInScope(
      this.store,
      user,
      body.orgUnitId,
      WRITE_ACCESS,
    );
    const seasonId = randomUUID();

    return runSeasonCommand(
      this.store,
      seasonId,
      {
        type: 'LaunchSeason',
        data: {
          seasonId,
          federation: { id: federation.orgUnitId, ended: federation.ended },
          name: body.name,
          from: body.from,
          to: body.to,
          targetRequests: body.targetRequests,
        },
        metadata: request.metadata(),
      },
      { unit, expectedVersion: request.expectedVersion, fingerprint: ['LaunchSeason', body] },
    );
  }

  @Roles('federation_officer', 'auditor')
  @Get(':id')
  @ApiOkResponse({ type: SeasonViewDto })
  @VersionedRead()
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version, unit } = await loadSeasonInScope(this.store, user, id);
    const { status: _status, ...season } = state;

    return versioned<SeasonViewDto>(version, {
      ...season,
      requestsMade: await requestsMade(this.store, unit.path, state),
      version,
    });
  }
}
