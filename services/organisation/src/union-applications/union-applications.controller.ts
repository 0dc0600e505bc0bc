import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_FROM_ABOVE } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest, CommandRoute, versioned, VersionedRead } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { loadParentInScope } from '../org-units';
import type { UnionCommand } from '../unions';
import { readEmployersOnRecord } from '../unions';
import { loadUnionInScope, runUnionCommandInScope } from '../unions';
import { runNewUnionCommand } from '../unions';
import { HoldFoundingCongressDto } from '../unions';
import { ApproveUnionApplicationDto } from './dto/approve-union-application.dto';
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
  @CommandRoute(201)
  async submit(
    @Body() body: SubmitUnionApplicationDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
  ): Promise<CommandResult> {
    const parent = await loadParentInScope(this.store, user, body.parentId);
    const employers = await readEmployersOnRecord(this.store, user, body.employerIds);

    return runNewUnionCommand(this.store, request, body, parent, (unionId) => ({
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
  @CommandRoute(200)
  approve(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: ApproveUnionApplicationDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
  ): Promise<CommandResult> {
    return this.decide(user, unionId, request, {
      type: 'ApproveUnionApplication',
      data: body,
      metadata: request.metadata(
        body.approvedOn ? startOfBusinessDate(body.approvedOn) : undefined,
      ),
    });
  }

  @Roles('federation_officer')
  @Post(':id/reject')
  @CommandRoute(200)
  reject(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: RejectUnionApplicationDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
  ): Promise<CommandResult> {
    return this.decide(user, unionId, request, {
      type: 'RejectUnionApplication',
      data: body,
      metadata: request.metadata(),
    });
  }

  @Roles('federation_officer')
  @Post(':id/founding-congress')
  @CommandRoute(201)
  foundingCongress(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: HoldFoundingCongressDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
  ): Promise<CommandResult> {
    return this.decide(user, unionId, request, {
      type: 'HoldFoundingCongress',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.heldOn)),
    });
  }

  @Roles('federation_officer', 'auditor')
  @Get(':id')
  @VersionedRead()
  async get(@Param('id', ParseUUIDPipe) unionId: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadUnionInScope(this.store, user, unionId, {
      notFound: applicationNotFound(unionId),
    });

    return versioned(version, { ...state, version });
  }

  // Every step of a founding is decided by a union above the new one.
  private decide(
    user: AuthenticatedUser,
    unionId: string,
    request: CommandRequestContext,
    command: UnionCommand,
  ): Promise<CommandResult> {
    return runUnionCommandInScope(
      this.store,
      user,
      unionId,
      request,
      { ...WRITE_FROM_ABOVE, notFound: applicationNotFound(unionId) },
      () => command,
    );
  }
}
