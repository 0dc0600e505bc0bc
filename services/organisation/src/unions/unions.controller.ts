import { randomUUID } from 'node:crypto';

import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';

import type { Request, Response } from 'express';

import { ExpectedVersion, IdempotencyKey } from '@taizhang/bootstrap';
import {
  aggregateStream,
  handleCommand,
  NotFoundError,
  PostgresEventStore,
} from '@taizhang/event-store';

import { loadParentRef } from '../org-units/org-unit-streams';
import { startOfBusinessDate } from '../shared/business-date';
import { commandResponse, CommandResponseDto } from '../shared/command-response';
import { requestMetadata } from '../shared/request-metadata';
import { RegisterUnionDto } from './dto/register-union.dto';
import { unionDecider } from './union.decider';
import { unionStreamId } from './union-streams';

@ApiTags('unions 基层工会')
@Controller('unions')
export class UnionsController {
  constructor(private readonly store: PostgresEventStore) {}

  /** 存量工会登记: records a union that existed before the platform. */
  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'expected version of the new stream (0)',
  })
  @ApiCreatedResponse({ type: CommandResponseDto })
  async register(
    @Body() body: RegisterUnionDto,
    @IdempotencyKey() commandId: string | undefined,
    @ExpectedVersion() expectedVersion: number | undefined,
    @Req() request: Request,
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
        metadata: requestMetadata(request, commandId, startOfBusinessDate(body.establishedOn)),
      },
      expectedVersion,
      orgUnit: (_, [registered]) => ({ id: unionId, path: registered!.data.orgPath }),
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
