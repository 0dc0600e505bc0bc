import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { Response } from 'express';

import { Roles } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';
import { PostgresEventStore } from '@taizhang/event-store';

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
import { answerNewUnionCommand, answerUnionCommand, loadEstablishedUnion } from './union-streams';

@ApiTags('unions 基层工会')
@Controller('unions')
export class UnionsController {
  constructor(private readonly store: PostgresEventStore) {}

  /** 存量工会登记: records a union that existed before the platform. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  register(
    @Body() body: RegisterUnionDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return answerNewUnionCommand(this.store, request, response, body, (unionId, parent) => ({
      type: 'RegisterUnion',
      data: { unionId, name: body.name, establishedOn: body.establishedOn, parent },
      metadata: request.metadata(startOfBusinessDate(body.establishedOn)),
    }));
  }

  /** 换届选举: the result waits for the higher union's approval. */
  @Post(':id/elections')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async holdElection(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: HoldElectionDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return answerUnionCommand(this.store, unionId, request, response, {
      type: 'HoldElection',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.heldOn)),
    });
  }

  @Post(':id/elections/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async approveElection(
    @Param('id', ParseUUIDPipe) unionId: string,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return answerUnionCommand(this.store, unionId, request, response, {
      type: 'ApproveElection',
      data: {},
      metadata: request.metadata(),
    });
  }

  @Post(':id/rename')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async rename(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: RenameUnionDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return answerUnionCommand(this.store, unionId, request, response, {
      type: 'RenameUnion',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
    });
  }

  @Post(':id/dissolve')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async dissolve(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: DissolveUnionDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return answerUnionCommand(this.store, unionId, request, response, {
      type: 'DissolveUnion',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.dissolvedOn)),
    });
  }

  /** 合并: the union ends and its members move, each with their history, to `intoUnionId`. */
  @Roles('federation_officer')
  @Post(':id/merge')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async merge(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: MergeUnionDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return commandResponse(await mergeUnion(this.store, unionId, body, request), response);
  }

  @Get(':id')
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    // A founding application is not a union yet: it is read under /union-applications.
    const { state, version } = await loadEstablishedUnion(this.store, id);
    response.setHeader('ETag', `"${version}"`);

    return { ...state, version };
  }
}
