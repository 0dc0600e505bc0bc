import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS, WRITE_FROM_ABOVE } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest, CommandRoute, versioned, VersionedRead } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { loadParentInScope } from '../org-units';
import { RegisterUnionDto } from './dto/register-union.dto';
import {
  DissolveUnionDto,
  HoldElectionDto,
  RenameUnionDto,
} from './dto/union-life.dto';
import { readEmployersOnRecord } from './employers-on-record';
import { loadEstablishedUnionInScope, runUnionCommandInScope } from './union-scope';
import { runNewUnionCommand } from './union-streams';
import { unitsInView } from './units-in-view';

@ApiTags('unions 基层工会')
@Controller('unions')
export class UnionsController {
  constructor(private readonly store: PostgresEventStore) {}

  /** 存量工会登记: records a union that existed before the platform (part of the org tree). */
  @Roles('admin', 'federation_officer')
  @Post()
  @CommandRoute(201)
  async register(
    @Body() body: RegisterUnionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
  ): Promise<CommandResult> {
    const parent = await loadParentInScope(this.store, user, body.parentId);
    const employers = await readEmployersOnRecord(this.store, user, body.employerIds ?? []);

    return runNewUnionCommand(this.store, request, body, parent, (unionId) => ({
      type: 'RegisterUnion',
      data: { unionId, ...body, parent, employers },
      metadata: request.metadata(startOfBusinessDate(body.establishedOn)),
    }));
  }

  /** 换届选举: the result waits for the higher union's approval. */
  @Roles('union_cadre', 'federation_officer')
  @Post(':id/elections')
  @CommandRoute(201)
  holdElection(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: HoldElectionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
  ): Promise<CommandResult> {
    return runUnionCommandInScope(this.store, user, unionId, request, WRITE_ACCESS, () => ({
      type: 'HoldElection',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.heldOn)),
    }));
  }

  /** Only a union above this one approves its election (工会法). */
  @Roles('federation_officer')
  @Post(':id/elections/approve')
  @CommandRoute(200)
  approveElection(
    @Param('id', ParseUUIDPipe) unionId: string,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
  ): Promise<CommandResult> {
    return runUnionCommandInScope(this.store, user, unionId, request, WRITE_FROM_ABOVE, () => ({
      type: 'ApproveElection',
      data: {},
      metadata: request.metadata(),
    }));
  }

  @Roles('union_cadre', 'federation_officer')
  @Post(':id/rename')
  @CommandRoute(200)
  rename(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: RenameUnionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
  ): Promise<CommandResult> {
    return runUnionCommandInScope(this.store, user, unionId, request, WRITE_ACCESS, () => ({
      type: 'RenameUnion',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
    }));
  }

  /** Dissolution needs the union one level up (工会法): never the union itself. */
  @Roles('federation_officer')
  @Post(':id/dissolve')
  @CommandRoute(200)
  dissolve(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: DissolveUnionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
  ): Promise<CommandResult> {
    return runUnionCommandInScope(this.store, user, unionId, request, WRITE_FROM_ABOVE, () => ({
      type: 'DissolveUnion',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.dissolvedOn)),
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
