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
import {
  ChangeWarningLevelDto,
  FollowUpWarningDto,
  RaiseWarningDto,
  ResolveWarningDto,
  WarningViewDto,
} from './dto/warning.dto';
import { loadWarningInScope, runWarningCommand } from './warning-streams';
import { loadWarningUnitInScope, warningUnit } from './warning-unit';

const KEEPERS = ['union_cadre', 'federation_officer'] as const;

/**
 * A command on a warning in the caller's scope, at If-Match or the version it was loaded at.
 * A warning of a union since ended stays open and is carried on by the federation above.
 */
const onWarning = recordCommand({ load: loadWarningInScope, run: runWarningCommand });

/** 劳动关系预警: warnings a union or federation raises about an employer, until resolved. */
@ApiTags('early-warnings 劳动关系预警')
@Controller('early-warnings')
export class EarlyWarningsController {
  constructor(private readonly store: PostgresEventStore) {}

  @CommandPost(201, [...KEEPERS])
  async raise(
    @Body() body: RaiseWarningDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { state, unit } = await loadWarningUnitInScope(
      this.store,
      user,
      body.orgUnitId,
      WRITE_ACCESS,
    );
    const warningId = randomUUID();
    const { orgUnitId: _orgUnitId, employerId, employerName, ...data } = body;

    return runWarningCommand(
      this.store,
      warningId,
      {
        type: 'RaiseWarning',
        data: {
          ...data,
          warningId,
          unit: warningUnit(state),
          employerId: employerId ?? null,
          employerName: employerName ?? null,
        },
        metadata: request.metadata(startOfBusinessDate(body.raisedOn)),
      },
      { unit, expectedVersion: request.expectedVersion, fingerprint: ['RaiseWarning', body] },
    );
  }

  @CommandPost(201, [...KEEPERS], ':id/follow-ups')
  followUp(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FollowUpWarningDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onWarning(
      this.store,
      id,
      command,
      (dated) => ({
        type: 'FollowUpWarning',
        data: { followUpId: randomUUID(), ...body },
        metadata: dated(body.on),
      }),
      { fingerprint: ['FollowUpWarning', id, body] },
    );
  }

  @CommandPost(200, [...KEEPERS], ':id/level')
  changeLevel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeWarningLevelDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onWarning(
      this.store,
      id,
      command,
      (dated) => ({
        type: 'ChangeWarningLevel',
        data: body,
        metadata: dated(body.changedOn),
      }),
      { fingerprint: ['ChangeWarningLevel', id, body] },
    );
  }

  @CommandPost(200, [...KEEPERS], ':id/resolution')
  resolve(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResolveWarningDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onWarning(
      this.store,
      id,
      command,
      (dated) => ({
        type: 'ResolveWarning',
        data: body,
        metadata: dated(body.resolvedOn),
      }),
      { fingerprint: ['ResolveWarning', id, body] },
    );
  }

  @Roles(...KEEPERS, 'auditor')
  @Get(':id')
  @ApiOkResponse({ type: WarningViewDto })
  @VersionedRead()
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadWarningInScope(this.store, user, id);

    return versioned<WarningViewDto>(version, { ...state, version });
  }
}
