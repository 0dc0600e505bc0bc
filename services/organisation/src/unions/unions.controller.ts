import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { Response } from 'express';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';
import { PostgresEventStore } from '@taizhang/event-store';

import { readEmployersOnRecord } from '../employer-coverage/employers-on-record';
import { loadParentInScope } from '../org-units/org-unit-scope';
import { unitsInView } from '../org-units/units-in-view';
import { startOfBusinessDate } from '../shared/business-date';
import { commandResponse, CommandResponseDto } from '../shared/command-response';
import { RegisterUnionDto } from './dto/register-union.dto';
import {
  DissolveUnionDto,
  HoldElectionDto,
  MergeUnionDto,
  RenameUnionDto,
} from './dto/union-life.dto';
import { mergeUnion } from './merger/union-merger';
import { loadEstablishedUnionInScope, loadUnionInScope } from './union-scope';
import { answerNewUnionCommand, answerUnionCommand } from './union-streams';

@ApiTags('unions 基层工会')
@Controller('unions')
export class UnionsController {
  constructor(private readonly store: PostgresEventStore) {}

  /** 存量工会登记: records a union that existed before the platform (part of the org tree). */
  @Roles('admin', 'federation_officer')
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async register(
    @Body() body: RegisterUnionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const parent = await loadParentInScope(this.store, user, body.parentId);
    const employers = await readEmployersOnRecord(this.store, user, body.employerIds ?? []);

    return answerNewUnionCommand(this.store, request, response, body, parent, (unionId) => ({
      type: 'RegisterUnion',
      data: { unionId, ...body, parent, employers },
      metadata: request.metadata(startOfBusinessDate(body.establishedOn)),
    }));
  }

  /** 换届选举: the result waits for the higher union's approval. */
  @Roles('union_cadre', 'federation_officer')
  @Post(':id/elections')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async holdElection(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: HoldElectionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { version } = await loadUnionInScope(this.store, user, unionId, { access: 'write' });

    return answerUnionCommand(this.store, { unionId, loadedVersion: version }, request, response, {
      type: 'HoldElection',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.heldOn)),
    });
  }

  /** Only a union above this one approves its election (工会法). */
  @Roles('federation_officer')
  @Post(':id/elections/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async approveElection(
    @Param('id', ParseUUIDPipe) unionId: string,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { version } = await loadUnionInScope(this.store, user, unionId, {
      access: 'write',
      strictlyBelow: true,
    });

    return answerUnionCommand(this.store, { unionId, loadedVersion: version }, request, response, {
      type: 'ApproveElection',
      data: {},
      metadata: request.metadata(),
    });
  }

  @Roles('union_cadre', 'federation_officer')
  @Post(':id/rename')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async rename(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: RenameUnionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { version } = await loadUnionInScope(this.store, user, unionId, { access: 'write' });

    return answerUnionCommand(this.store, { unionId, loadedVersion: version }, request, response, {
      type: 'RenameUnion',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
    });
  }

  /** Dissolution needs the union one level up (工会法): never the union itself. */
  @Roles('federation_officer')
  @Post(':id/dissolve')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async dissolve(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: DissolveUnionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { version } = await loadUnionInScope(this.store, user, unionId, {
      access: 'write',
      strictlyBelow: true,
    });

    return answerUnionCommand(this.store, { unionId, loadedVersion: version }, request, response, {
      type: 'DissolveUnion',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.dissolvedOn)),
    });
  }

  /**
   * 合并: the union ends and its members move, each with their history, to `intoUnionId`. Like a
   * dissolution it needs a union above the merged one; the receiving union must be in scope too.
   */
  @Roles('federation_officer')
  @Post(':id/merge')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async merge(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: MergeUnionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return commandResponse(await mergeUnion(this.store, user, unionId, body, request), response);
  }

  @Roles('admin', 'union_cadre', 'federation_officer', 'auditor')
  @Get(':id')
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    // A founding application is not a union yet: it is read under /union-applications.
    const { state, version } = await loadEstablishedUnionInScope(this.store, user, id);
    response.setHeader('ETag', `"${version}"`);
    if (state.status !== 'Merged') return { ...state, version };
    // The receiving union may lie outside the scope of the merged union's cadre.
    const unit = await unitsInView(this.store, user, [state.intoUnionId]);

    return { ...state, intoUnionId: unit(state.intoUnionId), version };
  }
}
