import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import type { Response } from 'express';

import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';
import { aggregateStream, handleCommand, PostgresEventStore } from '@taizhang/event-store';

import { loadParentRef } from '../org-units/org-unit-streams';
import { startOfBusinessDate } from '../shared/business-date';
import { commandResponse, CommandResponseDto } from '../shared/command-response';
import { loadUnion } from '../unions/union-streams';
import { RateWorkersHomeDto } from './dto/rate-workers-home.dto';
import { workersHomeDecider } from './workers-home.decider';

const workersHomeStreamId = (unionId: string): string => `workers-home-${unionId}`;

@ApiTags('workers’ homes 职工之家')
@Controller('unions/:unionId/workers-home-ratings')
export class WorkersHomesController {
  constructor(private readonly store: PostgresEventStore) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async rate(
    @Param('unionId', ParseUUIDPipe) unionId: string,
    @Body() body: RateWorkersHomeDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { state: union } = await loadUnion(this.store, unionId);
    const awardedBy = await loadParentRef(this.store, body.awardedByOrgUnitId);
    const result = await handleCommand(this.store, {
      streamId: workersHomeStreamId(unionId),
      streamType: 'workers-home',
      decider: workersHomeDecider,
      command: {
        type: 'RateWorkersHome',
        data: { year: body.year, title: body.title, awardedOn: body.awardedOn, union, awardedBy },
        metadata: request.metadata(startOfBusinessDate(body.awardedOn)),
      },
      expectedVersion: request.expectedVersion,
      orgUnit: { id: unionId, path: 'orgPath' in union ? union.orgPath : unionId },
      id: unionId,
    });

    return commandResponse(result, response);
  }

  @Get()
  async list(@Param('unionId', ParseUUIDPipe) unionId: string) {
    await loadUnion(this.store, unionId);
    const { state, version } = await aggregateStream(
      this.store,
      workersHomeStreamId(unionId),
      workersHomeDecider,
    );

    return { unionId, ratings: state.ratings, version };
  }
}
