import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import { CommandPost, SignedInCommand, versioned, VersionedRead } from '@taizhang/bootstrap';
import { isActiveMember } from '@taizhang/directory';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { recordCommand } from '../shared/record-command';
import { loadUnionInScope, unionOnRecord } from '../shared/union-on-record';
import { loadDisputeInScope, runDisputeCommand } from './dispute-streams';
import {
  DisputeViewDto,
  RecordAgreementDto,
  RecordFailureDto,
  RegisterDisputeDto,
  WithdrawDisputeDto,
} from './dto/dispute.dto';

const KEEPERS = ['union_cadre', 'federation_officer'] as const;

/** A command on a dispute in the caller's scope, at If-Match or the version it was loaded at. */
const onDispute = recordCommand({ load: loadDisputeInScope, run: runDisputeCommand });

/** 劳动争议调解: disputes a union's mediation committee takes, and how they end. */
@ApiTags('disputes 劳动争议调解')
@Controller('disputes')
export class DisputesController {
  constructor(private readonly store: PostgresEventStore) {}

  /** 受理: a claimant naming a member is checked against the union's members on that day. */
  @CommandPost(201, [...KEEPERS])
  async register(
    @Body() body: RegisterDisputeDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { state: union, unit } = await loadUnionInScope(
      this.store,
      user,
      body.unionId,
      WRITE_ACCESS,
    );
    const claimants = await Promise.all(
      body.claimants.map(async ({ memberId, name }) => ({
        memberId: memberId ?? null,
        name,
        activeMember:
          memberId !== undefined &&
          (await isActiveMember(this.store.pool, memberId, body.unionId, body.acceptedOn)),
      })),
    );
    const disputeId = randomUUID();

    return runDisputeCommand(
      this.store,
      disputeId,
      {
        type: 'RegisterDispute',
        data: {
          disputeId,
          union: unionOnRecord(union),
          category: body.category,
          claimants,
          amountClaimedFen: body.amountClaimedFen,
          acceptedOn: body.acceptedOn,
        },
        metadata: request.metadata(startOfBusinessDate(body.acceptedOn)),
      },
      { unit, expectedVersion: request.expectedVersion, fingerprint: ['RegisterDispute', body] },
    );
  }

  @CommandPost(200, [...KEEPERS], ':id/agreement')
  recordAgreement(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordAgreementDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onDispute(this.store, id, command, (dated) => ({
      type: 'RecordAgreement',
      data: body,
      metadata: dated(body.agreedOn),
    }));
  }

  /** 调解不成: the workers are referred to arbitration. */
  @CommandPost(200, [...KEEPERS], ':id/failure')
  recordFailure(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordFailureDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onDispute(this.store, id, command, (dated) => ({
      type: 'RecordFailure',
      data: body,
      metadata: dated(body.failedOn),
    }));
  }

  @CommandPost(200, [...KEEPERS], ':id/withdrawal')
  withdraw(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: WithdrawDisputeDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onDispute(this.store, id, command, (dated) => ({
      type: 'WithdrawDispute',
      data: body,
      metadata: dated(body.withdrawnOn),
    }));
  }

  @Roles(...KEEPERS, 'auditor')
  @Get(':id')
  @ApiOkResponse({ type: DisputeViewDto })
  @VersionedRead()
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadDisputeInScope(this.store, user, id);

    return versioned<DisputeViewDto>(version, { ...state, version });
  }
}
