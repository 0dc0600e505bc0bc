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
import { startOfBusinessDate } from '../shared/business-date';
import { CommandResponseDto } from '../shared/command-response';
import { loadUnionInScope } from '../unions/union-scope';
import { answerNewUnionCommand, answerUnionCommand } from '../unions/union-streams';
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

  /** Recorded by an officer of the federation the preparatory group applies to (or above it). */
  @Roles('federation_officer')
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async submit(
    @Body() body: SubmitUnionApplicationDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const parent = await loadParentInScope(this.store, user, body.parentId);
    const employers = await readEmployersOnRecord(this.store, user, body.employerIds);

    return answerNewUnionCommand(this.store, request, response, body, parent, (unionId) => ({
      type: 'SubmitUnionApplication',
      data: { unionId, ...body, parent, employers },
      metadata: request.metadata(
        body.submittedOn ? startOfBusinessDate(body.submittedOn) : undefined,
      ),
    }));
  }

  /** Only a union above the new one approves its founding (工会法). */
  @Roles('federation_officer')
  @Post(':id/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async approve(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: ApproveUnionApplicationDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { version } = await loadUnionInScope(this.store, user, unionId, {
      access: 'write',
      strictlyBelow: true,
      notFound: applicationNotFound(unionId),
    });

    return answerUnionCommand(this.store, { unionId, loadedVersion: version }, request, response, {
      type: 'ApproveUnionApplication',
      data: body,
      metadata: request.metadata(
        body.approvedOn ? startOfBusinessDate(body.approvedOn) : undefined,
      ),
    });
  }

  @Roles('federation_officer')
  @Post(':id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async reject(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: RejectUnionApplicationDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { version } = await loadUnionInScope(this.store, user, unionId, {
      access: 'write',
      strictlyBelow: true,
      notFound: applicationNotFound(unionId),
    });

    return answerUnionCommand(this.store, { unionId, loadedVersion: version }, request, response, {
      type: 'RejectUnionApplication',
      data: body,
      metadata: request.metadata(),
    });
  }

  @Roles('federation_officer')
  @Post(':id/founding-congress')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async foundingCongress(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: HoldFoundingCongressDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const { version } = await loadUnionInScope(this.store, user, unionId, {
      access: 'write',
      strictlyBelow: true,
      notFound: applicationNotFound(unionId),
    });

    return answerUnionCommand(this.store, { unionId, loadedVersion: version }, request, response, {
      type: 'HoldFoundingCongress',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.heldOn)),
    });
  }

  @Roles('federation_officer', 'auditor')
  @Get(':id')
  async get(
    @Param('id', ParseUUIDPipe) unionId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { state, version } = await loadUnionInScope(this.store, user, unionId, {
      notFound: applicationNotFound(unionId),
    });
    response.setHeader('ETag', `"${version}"`);

    return { ...state, version };
  }
}
