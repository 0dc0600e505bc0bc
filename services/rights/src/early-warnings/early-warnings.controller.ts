import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import {
  commandOnLoaded,
  CommandPost,
  SignedInCommand,
  versioned,
  VersionedRead,
} from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import {
  ChangeWarningLevelDto,
  FollowUpWarningDto,
  RaiseWarningDto,
  ResolveWarningDto,
  WarningViewDto,
} from './dto/warning.dto';
import type { WarningCommand } from './warning.commands';
import { loadWarningInScope, runWarningCommand } from './warning-streams';
import { loadWarningUnitInScope, warningUnit } from './warning-unit';

const KEEPERS = ['union_cadre', 'federation_officer'] as const;

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
    return this.onWarning(id, command, ['FollowUpWarning', id, body], (metadata) => ({
      type: 'FollowUpWarning',
      data: { followUpId: randomUUID(), ...body },
      metadata: metadata(body.on),
    }));
  }

  @CommandPost(200, [...KEEPERS], ':id/level')
  changeLevel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeWarningLevelDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return this.onWarning(id, command, ['ChangeWarningLevel', id, body], (metadata) => ({
      type: 'ChangeWarningLevel',
      data: body,
      metadata: metadata(body.changedOn),
    }));
  }

  @CommandPost(200, [...KEEPERS], ':id/resolution')
  resolve(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResolveWarningDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return this.onWarning(id, command, ['ResolveWarning', id, body], (metadata) => ({
      type: 'ResolveWarning',
      data: body,
      metadata: metadata(body.resolvedOn),
    }));
  }

  @Roles(...KEEPERS, 'auditor')
  @Get(':id')
  @ApiOkResponse({ type: WarningViewDto })
  @VersionedRead()
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadWarningInScope(this.store, user, id);

    return versioned<WarningViewDto>(version, { ...state, version });
  }

  /**
   * A command on a warning in the caller's scope, at If-Match or the version it was loaded at.
   * A warning of a union since ended stays open and is carried on by the federation above.
   */
  private onWarning(
    id: string,
    { user, request }: SignedInCommand,
    fingerprint: unknown,
    build: (
      metadata: (date: string) => ReturnType<SignedInCommand['request']['metadata']>,
    ) => WarningCommand,
  ): Promise<CommandResult> {
    return commandOnLoaded(
      request,
      () => loadWarningInScope(this.store, user, id, WRITE_ACCESS),
      ({ unit }, expectedVersion) =>
        runWarningCommand(
          this.store,
          id,
          build((date) => request.metadata(startOfBusinessDate(date))),
          { unit, expectedVersion, fingerprint },
        ),
    );
  }
}
