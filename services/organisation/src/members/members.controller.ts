import { randomUUID } from 'node:crypto';

import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';

import type { Request, Response } from 'express';

import { ExpectedVersion, IdempotencyKey } from '@taizhang/bootstrap';
import {
  aggregateStream,
  handleCommand,
  NotFoundError,
  PostgresEventStore,
} from '@taizhang/event-store';

import { startOfBusinessDate } from '../shared/business-date';
import { commandResponse, CommandResponseDto } from '../shared/command-response';
import { requestMetadata } from '../shared/request-metadata';
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
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'expected version of the new stream (0)',
  })
  @ApiCreatedResponse({ type: CommandResponseDto })
  async join(
    @Param('unionId', ParseUUIDPipe) unionId: string,
    @Body() body: JoinUnionDto,
    @IdempotencyKey() commandId: string | undefined,
    @ExpectedVersion() expectedVersion: number | undefined,
    @Req() request: Request,
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
        metadata: requestMetadata(request, commandId, startOfBusinessDate(body.joinedOn)),
      },
      expectedVersion,
      orgUnit: { id: union.id, path: union.orgPath },
      id: memberId,
      fingerprint: ['JoinUnion', unionId, body],
    });

    return commandResponse(result, response);
  }
}
