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

import { loadUnionInScope, unionOnRecord } from '../shared/union-on-record';
import { loadDisclosureInScope, runDisclosureCommand } from './disclosure-streams';
import {
  DisclosureViewDto,
  RecordDisclosureDto,
  WithdrawDisclosureDto,
} from './dto/disclosure.dto';

const KEEPERS = ['union_cadre', 'federation_officer'] as const;

/** 厂务公开/校务公开: what a union's employer made public to the workers. */
@ApiTags('disclosures 厂务公开')
@Controller('disclosures')
export class DisclosuresController {
  constructor(private readonly store: PostgresEventStore) {}

  @CommandPost(201, [...KEEPERS])
  async record(
    @Body() body: RecordDisclosureDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { state: union, unit } = await loadUnionInScope(
      this.store,
      user,
      body.unionId,
      WRITE_ACCESS,
    );
    const disclosureId = randomUUID();
    const { unionId: _unionId, notes, ...data } = body;

    return runDisclosureCommand(
      this.store,
      disclosureId,
      {
        type: 'RecordDisclosure',
        data: { ...data, disclosureId, union: unionOnRecord(union), notes: notes ?? null },
        metadata: request.metadata(startOfBusinessDate(body.disclosedOn)),
      },
      { unit, expectedVersion: request.expectedVersion, fingerprint: ['RecordDisclosure', body] },
    );
  }

  /** 撤销登记: a disclosure recorded in error stops counting; it is kept, marked withdrawn. */
  @CommandPost(200, [...KEEPERS], ':id/withdrawal')
  withdraw(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: WithdrawDisclosureDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return commandOnLoaded(
      request,
      () => loadDisclosureInScope(this.store, user, id, WRITE_ACCESS),
      ({ unit }, expectedVersion) =>
        runDisclosureCommand(
          this.store,
          id,
          {
            type: 'WithdrawDisclosure',
            data: body,
            metadata: request.metadata(startOfBusinessDate(body.withdrawnOn)),
          },
          { unit, expectedVersion, fingerprint: ['WithdrawDisclosure', id, body] },
        ),
    );
  }

  @Roles(...KEEPERS, 'auditor')
  @Get(':id')
  @ApiOkResponse({ type: DisclosureViewDto })
  @VersionedRead()
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadDisclosureInScope(this.store, user, id);

    return versioned<DisclosureViewDto>(version, { ...state, version });
  }
}
