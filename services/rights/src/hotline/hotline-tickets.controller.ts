import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import {
  commandOnLoaded,
  CommandPost,
  SignedInCommand,
  versioned,
  VersionedRead,
} from '@taizhang/bootstrap';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { recordCommand } from '../shared/record-command';
import {
  AssignTicketDto,
  CallBackDto,
  CloseTicketDto,
  HotlineTicketViewDto,
  ReceiveTicketDto,
} from './dto/hotline-ticket.dto';
import {
  loadHotlineTicketInScope,
  loadUnitInScope,
  runHotlineTicketCommand,
} from './hotline-ticket-streams';

const KEEPERS = ['union_cadre', 'federation_officer'] as const;

/** A command on a ticket in the caller's scope, dated the instant it happened (not a day). */
const onTicket = recordCommand({
  load: loadHotlineTicketInScope,
  run: runHotlineTicketCommand,
  occurredAt: (at) => new Date(at),
});

/** 12351 热线 and 法律援助: tickets a federation or union receives, hands down and closes. */
@ApiTags('hotline-tickets 12351 热线与法律援助')
@Controller('hotline-tickets')
export class HotlineTicketsController {
  constructor(private readonly store: PostgresEventStore) {}

  /** 受理: the receiving unit holds the ticket until it is assigned. */
  @CommandPost(201, [...KEEPERS])
  async receive(
    @Body() body: ReceiveTicketDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { unit, onRecord } = await loadUnitInScope(
      this.store,
      user,
      body.orgUnitId,
      WRITE_ACCESS,
    );
    const ticketId = randomUUID();

    return runHotlineTicketCommand(
      this.store,
      ticketId,
      {
        type: 'ReceiveTicket',
        data: {
          ticketId,
          unit: onRecord,
          channel: body.channel,
          category: body.category,
          receivedAt: body.receivedAt,
          callerName: body.callerName ?? null,
          callerUnionId: body.callerUnionId ?? null,
          summary: body.summary,
          legalAid: body.legalAid === true || body.category === 'legal_aid',
        },
        metadata: request.metadata(new Date(body.receivedAt)),
      },
      { unit, expectedVersion: request.expectedVersion, fingerprint: ['ReceiveTicket', body] },
    );
  }

  /** 转办: the target is the holder or below it, in the caller's scope (404 otherwise). */
  @CommandPost(200, [...KEEPERS], ':id/assignment')
  assign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AssignTicketDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return commandOnLoaded(
      request,
      () => loadHotlineTicketInScope(this.store, user, id, WRITE_ACCESS),
      async ({ unit: holder }, expectedVersion) => {
        const target = await loadUnitInScope(this.store, user, body.toOrgUnitId, WRITE_ACCESS);

        // The ticket's events concern the unit that holds it from now on.
        return runHotlineTicketCommand(
          this.store,
          id,
          {
            type: 'AssignTicket',
            data: { holderPath: holder.path, to: target.onRecord, assignedAt: body.assignedAt },
            metadata: request.metadata(new Date(body.assignedAt)),
          },
          { unit: target.unit, expectedVersion },
        );
      },
    );
  }

  /** 回复 / 回访: answers the caller, which settles the answer clock. */
  @CommandPost(200, [...KEEPERS], ':id/call-back')
  callBack(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CallBackDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onTicket(this.store, id, command, (dated) => ({
      type: 'CallBack',
      data: body,
      metadata: dated(body.calledBackAt),
    }));
  }

  /** 办结: records whether the caller was answered within the tier's days. */
  @CommandPost(200, [...KEEPERS], ':id/closure')
  close(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CloseTicketDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onTicket(this.store, id, command, (dated) => ({
      type: 'CloseTicket',
      data: {
        closedAt: body.closedAt,
        outcome: body.outcome,
        satisfaction: body.satisfaction ?? null,
        wagesRecoveredFen: body.wagesRecoveredFen ?? 0,
      },
      metadata: dated(body.closedAt),
    }));
  }

  @Roles(...KEEPERS, 'auditor')
  @Get(':id')
  @ApiOkResponse({ type: HotlineTicketViewDto })
  @VersionedRead()
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadHotlineTicketInScope(this.store, user, id);

    return versioned<HotlineTicketViewDto>(version, { ...state, version });
  }
}
