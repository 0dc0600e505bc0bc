import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS, WRITE_FROM_ABOVE } from '@taizhang/auth';
import { CommandPost, SignedInCommand, versioned, VersionedRead } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { loadParentInScope } from '../org-units';
import { RegisterUnionDto } from './dto/register-union.dto';
import {
  ApproveElectionDto,
  HoldElectionDto,
  RejectElectionDto,
  RenameUnionDto,
} from './dto/union-life.dto';
import { ChangeUnionTypeDto } from './dto/union-type.dto';
import { readEmployersOnRecord } from './employers-on-record';
import { loadEstablishedUnionInScope, runUnionCommandInScope } from './union-scope';
import { runNewUnionCommand } from './union-streams';
import { unitsInView } from './units-in-view';

@ApiTags('unions 基层工会')
@Controller('unions')
export class UnionsController {
  constructor(private readonly store: PostgresEventStore) {}

  /** 存量工会登记: records a union that existed before the platform (part of the org tree). */
  @CommandPost(201, ['admin', 'federation_officer'])
  async register(
    @Body() body: RegisterUnionDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const parent = await loadParentInScope(this.store, user, body.parentId);
    const employers = await readEmployersOnRecord(this.store, user, body.employerIds ?? []);

    return runNewUnionCommand(this.store, request, body, parent, (unionId) => ({
      type: 'RegisterUnion',
      data: { unionId, ...body, parent, employers },
      // Dated the serving committee's election when named: the rules of that day judge its term.
      metadata: request.metadata(
        startOfBusinessDate(body.currentTerm?.electedOn ?? body.establishedOn),
      ),
    }));
  }

  /** 换届选举: the result waits for the higher union's approval. */
  @CommandPost(201, ['union_cadre', 'federation_officer'], ':id/elections')
  holdElection(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: HoldElectionDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return runUnionCommandInScope(this.store, user, unionId, request, WRITE_ACCESS, () => ({
      type: 'HoldElection',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.heldOn)),
    }));
  }

  /** Only a union above this one approves its election (工会法), dated the day it did. */
  @CommandPost(200, ['federation_officer'], ':id/elections/approve')
  approveElection(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: ApproveElectionDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return runUnionCommandInScope(this.store, user, unionId, request, WRITE_FROM_ABOVE, () => ({
      type: 'ApproveElection',
      data: body,
      metadata: request.metadata(
        body.approvedOn ? startOfBusinessDate(body.approvedOn) : undefined,
      ),
    }));
  }

  /** …or refuses it with a reason: the old term runs on, and a new election may be held. */
  @CommandPost(200, ['federation_officer'], ':id/elections/reject')
  rejectElection(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: RejectElectionDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return runUnionCommandInScope(this.store, user, unionId, request, WRITE_FROM_ABOVE, () => ({
      type: 'RejectElection',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.rejectedOn)),
    }));
  }

  @CommandPost(200, ['union_cadre', 'federation_officer'], ':id/rename')
  rename(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: RenameUnionDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return runUnionCommandInScope(this.store, user, unionId, request, WRITE_ACCESS, () => ({
      type: 'RenameUnion',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
    }));
  }

  /** 工会类型变更: figures by type count the union under its new type from the date. */
  @CommandPost(200, ['union_cadre', 'federation_officer'], ':id/type')
  changeType(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: ChangeUnionTypeDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return runUnionCommandInScope(this.store, user, unionId, request, WRITE_ACCESS, () => ({
      type: 'ChangeUnionType',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
    }));
  }

  @Roles('admin', 'union_cadre', 'federation_officer', 'auditor')
  @Get(':id')
  @VersionedRead()
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    // A founding application is not a union yet: it is read under /union-applications.
    const { state, version } = await loadEstablishedUnionInScope(this.store, user, id);
    if (state.status !== 'Merged') return versioned(version, { ...state, version });
    // The receiving union may lie outside the scope of the merged union's cadre.
    const unit = await unitsInView(this.store, user, [state.intoUnionId]);

    return versioned(version, { ...state, intoUnionId: unit(state.intoUnionId), version });
  }
}
