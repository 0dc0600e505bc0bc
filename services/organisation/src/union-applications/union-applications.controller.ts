import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_FROM_ABOVE } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandPost, SignedInCommand, versioned, VersionedRead } from '@taizhang/bootstrap';
import type { UnionEstablished } from '@taizhang/contracts';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { moveHeldMembers } from '../members-before-union';
import { loadParentInScope } from '../org-units';
import type { UnionCommand } from '../unions';
import { readEmployersOnRecord } from '../unions';
import { loadUnionInScope, runUnionCommandInScope } from '../unions';
import { runNewUnionCommand, runUnionCommand } from '../unions';
import { HoldFoundingCongressDto } from '../unions';
import { ApproveUnionApplicationDto } from './dto/approve-union-application.dto';
import { RejectUnionApplicationDto } from './dto/reject-union-application.dto';
import { SubmitUnionApplicationDto } from './dto/submit-union-application.dto';

type UnionCommandOptions = NonNullable<Parameters<typeof runUnionCommand>[3]>;

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
  @CommandPost(201, ['federation_officer'])
  async submit(
    @Body() body: SubmitUnionApplicationDto,
    @SignedInCommand() { user, request }: SignedInCommand,
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
  @CommandPost(200, ['federation_officer'], ':id/approve')
  approve(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: ApproveUnionApplicationDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.decide(user, unionId, request, {
      type: 'ApproveUnionApplication',
      data: body,
      metadata: request.metadata(
        body.approvedOn ? startOfBusinessDate(body.approvedOn) : undefined,
      ),
    });
  }

  @CommandPost(200, ['federation_officer'], ':id/reject')
  reject(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: RejectUnionApplicationDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.decide(user, unionId, request, {
      type: 'RejectUnionApplication',
      data: body,
      metadata: request.metadata(),
    });
  }

  @CommandPost(201, ['federation_officer'], ':id/founding-congress')
  foundingCongress(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: HoldFoundingCongressDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const metadata = request.metadata(startOfBusinessDate(body.heldOn));

    // Members a federation held for the union's employers move in with the founding (seed 003).
    return this.decide(
      user,
      unionId,
      request,
      { type: 'HoldFoundingCongress', data: body, metadata },
      async (tx, appended) => {
        for (const event of appended)
          if (event.type === 'UnionEstablished')
            await moveHeldMembers(tx, (event as unknown as UnionEstablished).data, metadata);
      },
    );
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
    withinTransaction?: UnionCommandOptions['withinTransaction'],
  ): Promise<CommandResult> {
    return runUnionCommandInScope(
      this.store,
      user,
      unionId,
      request,
      { ...WRITE_FROM_ABOVE, notFound: applicationNotFound(unionId) },
      () => command,
      { withinTransaction },
    );
  }
}
