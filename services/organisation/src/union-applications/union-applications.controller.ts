import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { Response } from 'express';

import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';
import { PostgresEventStore } from '@taizhang/event-store';

import { readEmployersOnRecord } from '../employer-coverage/employers-on-record';
import { startOfBusinessDate } from '../shared/business-date';
import { CommandResponseDto } from '../shared/command-response';
import { answerNewUnionCommand, answerUnionCommand, loadUnion } from '../unions/union-streams';
import { ApproveUnionApplicationDto } from './dto/approve-union-application.dto';
import { HoldFoundingCongressDto } from './dto/hold-founding-congress.dto';
import { RejectUnionApplicationDto } from './dto/reject-union-application.dto';
import { SubmitUnionApplicationDto } from './dto/submit-union-application.dto';

/**
 * 组建: a preparatory group applies to the union one level up, which approves or rejects; the
 * founding members' congress then elects the committee and the union is established.
 */
const applicationNotFound = (unionId: string): string =>
  `Union application ${unionId} does not exist. / 组建申请不存在。`;

@ApiTags('union applications 工会组建')
@Controller('union-applications')
export class UnionApplicationsController {
  constructor(private readonly store: PostgresEventStore) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async submit(
    @Body() body: SubmitUnionApplicationDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const employers = await readEmployersOnRecord(this.store, body.employerIds);

    return answerNewUnionCommand(this.store, request, response, body, (unionId, parent) => ({
      type: 'SubmitUnionApplication',
      data: { unionId, ...body, parent, employers },
      metadata: request.metadata(
        body.submittedOn ? startOfBusinessDate(body.submittedOn) : undefined,
      ),
    }));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async approve(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: ApproveUnionApplicationDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return answerUnionCommand(
      this.store,
      unionId,
      request,
      response,
      {
        type: 'ApproveUnionApplication',
        data: body,
        metadata: request.metadata(
          body.approvedOn ? startOfBusinessDate(body.approvedOn) : undefined,
        ),
      },
      applicationNotFound(unionId),
    );
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async reject(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: RejectUnionApplicationDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return answerUnionCommand(
      this.store,
      unionId,
      request,
      response,
      {
        type: 'RejectUnionApplication',
        data: body,
        metadata: request.metadata(),
      },
      applicationNotFound(unionId),
    );
  }

  @Post(':id/founding-congress')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async foundingCongress(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: HoldFoundingCongressDto,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return answerUnionCommand(
      this.store,
      unionId,
      request,
      response,
      {
        type: 'HoldFoundingCongress',
        data: body,
        metadata: request.metadata(startOfBusinessDate(body.heldOn)),
      },
      applicationNotFound(unionId),
    );
  }

  @Get(':id')
  async get(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { state, version } = await loadUnion(this.store, unionId, applicationNotFound(unionId));
    response.setHeader('ETag', `"${version}"`);

    return { ...state, version };
  }
}
