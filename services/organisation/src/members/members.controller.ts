import { randomUUID } from 'node:crypto';

import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
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

import { startOfBusinessDate } from '../shared/business-date';
import { commandResponse, CommandResponseDto } from '../shared/command-response';
import { unionDecider } from '../unions/union.decider';
import { unionStreamId } from '../unions/union-streams';
import { JoinUnionDto } from './dto/join-union.dto';
import { memberDecider } from './member.decider';

@ApiTags('members 会员')
@Controller('unions/:unionId/members')
export class MembersController {
  constructor(private readonly store: PostgresEventStore) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async join(
    @Param('unionId', ParseUUIDPipe) unionId: string,
    @Body() body: JoinUnionDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { state: union } = await aggregateStream(
      this.store,
      unionStreamId(unionId),
      unionDecider,
    );
    if (union.status !== 'Registered')
      throw new NotFoundError(`Union ${unionId} does not exist. / 工会不存在。`);
    const memberId = randomUUID();
    const result = await handleCommand(this.store, {
      streamId: `member-${memberId}`,
      streamType: 'member',
      decider: memberDecider,
      command: {
        type: 'JoinUnion',
        data: { memberId, name: body.name, gender: body.gender, joinedOn: body.joinedOn, union },
        metadata: request.metadata(startOfBusinessDate(body.joinedOn)),
      },
      expectedVersion: request.expectedVersion,
      orgUnit: { id: union.id, path: union.orgPath },
      id: memberId,
      fingerprint: ['JoinUnion', unionId, body],
    });

    return commandResponse(result, response);
  }
}
