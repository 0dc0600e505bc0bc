import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import { CommandPost, SignedInCommand, versioned, VersionedRead } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { recordCommand } from '../shared/record-command';
import { loadUnionInScope, unionOnRecord } from '../shared/union-on-record';
import { loadCongressInScope, runCongressCommand } from './congress-streams';
import { CongressViewDto, HoldCongressDto, VoteResolutionDto } from './dto/congress.dto';

const KEEPERS = ['union_cadre', 'federation_officer'] as const;

const onCongress = recordCommand({ load: loadCongressInScope, run: runCongressCommand });

/** 职代会/教代会: the sessions of a union's workers' congress and what they resolved. */
@ApiTags('congresses 职代会')
@Controller('congresses')
export class CongressesController {
  constructor(private readonly store: PostgresEventStore) {}

  @CommandPost(201, [...KEEPERS])
  async hold(
    @Body() body: HoldCongressDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { state: union, unit } = await loadUnionInScope(
      this.store,
      user,
      body.unionId,
      WRITE_ACCESS,
    );
    const congressId = randomUUID();

    return runCongressCommand(
      this.store,
      congressId,
      {
        type: 'HoldCongress',
        data: {
          congressId,
          union: unionOnRecord(union),
          kind: body.kind,
          heldOn: body.heldOn,
          delegatesEntitled: body.delegatesEntitled,
          delegatesPresent: body.delegatesPresent,
        },
        metadata: request.metadata(startOfBusinessDate(body.heldOn)),
      },
      { unit, expectedVersion: request.expectedVersion, fingerprint: ['HoldCongress', body] },
    );
  }

  /** Dated the session's day: a resolution is voted at the session. */
  @CommandPost(201, [...KEEPERS], ':id/resolutions')
  voteResolution(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: VoteResolutionDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onCongress(
      this.store,
      id,
      command,
      (dated, { state }) => ({
        type: 'VoteResolution',
        data: { resolutionId: randomUUID(), ...body },
        metadata: dated(state.heldOn),
      }),
      { fingerprint: ['VoteResolution', id, body] },
    );
  }

  @Roles(...KEEPERS, 'auditor')
  @Get(':id')
  @ApiOkResponse({ type: CongressViewDto })
  @VersionedRead()
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadCongressInScope(this.store, user, id);

    return versioned<CongressViewDto>(version, { ...state, version });
  }
}
