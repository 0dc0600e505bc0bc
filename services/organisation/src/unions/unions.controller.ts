import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import type { Response } from 'express';

import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';
import {
  aggregateStream,
  handleCommand,
  NotFoundError,
  PostgresEventStore,
} from '@taizhang/event-store';

import { loadParentRef } from '../org-units/org-unit-streams';
import { startOfBusinessDate } from '../shared/business-date';
import { commandResponse, CommandResponseDto } from '../shared/command-response';
import { RegisterUnionDto } from './dto/register-union.dto';
import { unionDecider } from './union.decider';
import { unionOrgUnit, unionStreamId } from './union-streams';

@ApiTags('unions 基层工会')
@Controller('unions')
export class UnionsController {
  constructor(private readonly store: PostgresEventStore) {}

  /** 存量工会登记: records a union that existed before the platform. */
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async register(
    @Body() body: RegisterUnionDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const unionId = randomUUID();
    const parent = await loadParentRef(this.store, body.parentId);
    const result = await handleCommand(this.store, {
      streamId: unionStreamId(unionId),
      streamType: 'union',
      decider: unionDecider,
      command: {
        type: 'RegisterUnion',
        data: { unionId, name: body.name, establishedOn: body.establishedOn, parent },
        metadata: request.metadata(startOfBusinessDate(body.establishedOn)),
      },
      expectedVersion: request.expectedVersion,
      orgUnit: unionOrgUnit(unionId),
      id: unionId,
      fingerprint: ['RegisterUnion', body],
    });

    return commandResponse(result, response);
  }

  @Get(':id')
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { state, version } = await aggregateStream(this.store, unionStreamId(id), unionDecider);
    if (state.status !== 'Registered') throw new NotFoundError(`Union ${id} does not exist.`);
    response.setHeader('ETag', `"${version}"`);
    const { status: _status, ...union } = state;

    return { ...union, version };
  }
}
