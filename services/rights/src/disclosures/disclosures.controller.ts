import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import {
  CommandPost,
  pageWindow,
  SignedInCommand,
  versioned,
  VersionedRead,
} from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { recordCommand } from '../shared/record-command';
import { loadUnionInScope, unionOnRecord } from '../shared/union-on-record';
import { listDisclosures } from './disclosure-list.query';
import { loadDisclosureInScope, runDisclosureCommand } from './disclosure-streams';
import {
  DisclosureListDto,
  DisclosureViewDto,
  ListDisclosuresQueryDto,
  RecordDisclosureDto,
  WithdrawDisclosureDto,
} from './dto/disclosure.dto';

const KEEPERS = ['union_cadre', 'federation_officer'] as const;

const onDisclosure = recordCommand({ load: loadDisclosureInScope, run: runDisclosureCommand });

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
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onDisclosure(
      this.store,
      id,
      command,
      (dated) => ({ type: 'WithdrawDisclosure', data: body, metadata: dated(body.withdrawnOn) }),
      { fingerprint: ['WithdrawDisclosure', id, body] },
    );
  }

  /** 厂务公开台账: a union's disclosures, a page at a time; 404 for a union outside the scope. */
  @Roles(...KEEPERS, 'auditor')
  @Get()
  @ApiOkResponse({ type: DisclosureListDto })
  async list(
    @Query() query: ListDisclosuresQueryDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DisclosureListDto> {
    await loadUnionInScope(this.store, user, query.unionId);
    const { rows, total } = await listDisclosures(this.store.pool, query.unionId, {
      year: query.year ?? null,
      ...pageWindow(query),
    });

    return {
      unionId: query.unionId,
      page: query.page,
      pageSize: query.pageSize,
      total,
      disclosures: rows,
    };
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
