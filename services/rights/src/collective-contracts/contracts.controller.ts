import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import { CommandPost, SignedInCommand, versioned, VersionedRead } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { recordCommand } from '../shared/record-command';
import { loadUnionInScope, unionOnRecord } from '../shared/union-on-record';
import { loadContractInScope, readContract, runContractCommand } from './contract-streams';
import {
  CheckFulfilmentDto,
  ContractViewDto,
  FileContractDto,
  HoldRoundDto,
  RecordAnswerDto,
  RecordObjectionDto,
  RequestNegotiationDto,
  RequestRenewalDto,
  SignContractDto,
  VoteDraftDto,
} from './dto/contract.dto';

const KEEPERS = ['union_cadre', 'federation_officer'] as const;

/** One step on a contract in the caller's scope, at the request's If-Match or the version read. */
const onContract = recordCommand({ load: loadContractInScope, run: runContractCommand });

/**
 * 集体合同: the union's request to negotiate (要约), the written answer, rounds (协商), the workers'
 * congress vote, signing, filing and objections, renewal and the yearly fulfilment check.
 */
@ApiTags('collective contracts 集体合同')
@Controller('contracts')
export class ContractsController {
  constructor(private readonly store: PostgresEventStore) {}

  /** The employers are recorded as named: rights keeps no copy of the employer registry yet. */
  @CommandPost(201, [...KEEPERS])
  async request(
    @Body() body: RequestNegotiationDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { state: union, unit } = await loadUnionInScope(
      this.store,
      user,
      body.unionId,
      WRITE_ACCESS,
    );
    const contractId = randomUUID();

    return runContractCommand(
      this.store,
      contractId,
      {
        type: 'RequestNegotiation',
        data: {
          contractId,
          union: unionOnRecord(union),
          kind: body.kind,
          employerIds: body.employerIds,
          requestedOn: body.requestedOn,
        },
        metadata: request.metadata(startOfBusinessDate(body.requestedOn)),
      },
      { unit, expectedVersion: request.expectedVersion, fingerprint: ['RequestNegotiation', body] },
    );
  }

  @CommandPost(200, [...KEEPERS], ':id/answer')
  recordAnswer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordAnswerDto,
    @SignedInCommand() signedIn: SignedInCommand,
  ): Promise<CommandResult> {
    return onContract(this.store, id, signedIn, (dated) => ({
      type: 'RecordAnswer',
      data: body,
      metadata: dated(body.answeredOn),
    }));
  }

  @CommandPost(201, [...KEEPERS], ':id/rounds')
  holdRound(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: HoldRoundDto,
    @SignedInCommand() signedIn: SignedInCommand,
  ): Promise<CommandResult> {
    const side = (negotiators: HoldRoundDto['unionRepresentatives']) =>
      negotiators.map(({ name, chief }) => ({ name, chief: chief ?? false }));

    return onContract(this.store, id, signedIn, (dated) => ({
      type: 'HoldRound',
      data: {
        heldOn: body.heldOn,
        unionRepresentatives: side(body.unionRepresentatives),
        employerRepresentatives: side(body.employerRepresentatives),
        notes: body.notes ?? null,
      },
      metadata: dated(body.heldOn),
    }));
  }

  @CommandPost(201, [...KEEPERS], ':id/congress-vote')
  voteDraft(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: VoteDraftDto,
    @SignedInCommand() signedIn: SignedInCommand,
  ): Promise<CommandResult> {
    return onContract(this.store, id, signedIn, (dated) => ({
      type: 'VoteDraft',
      data: { ...body, wageIncreasePercent: body.wageIncreasePercent ?? null },
      metadata: dated(body.votedOn),
    }));
  }

  @CommandPost(200, [...KEEPERS], ':id/signing')
  sign(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SignContractDto,
    @SignedInCommand() signedIn: SignedInCommand,
  ): Promise<CommandResult> {
    return onContract(this.store, id, signedIn, (dated) => ({
      type: 'SignContract',
      data: body,
      metadata: dated(body.signedOn),
    }));
  }

  @CommandPost(200, [...KEEPERS], ':id/filing')
  file(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FileContractDto,
    @SignedInCommand() signedIn: SignedInCommand,
  ): Promise<CommandResult> {
    return onContract(this.store, id, signedIn, (dated) => ({
      type: 'FileContract',
      data: body,
      metadata: dated(body.filedOn),
    }));
  }

  @CommandPost(200, [...KEEPERS], ':id/objection')
  recordObjection(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordObjectionDto,
    @SignedInCommand() signedIn: SignedInCommand,
  ): Promise<CommandResult> {
    return onContract(this.store, id, signedIn, (dated) => ({
      type: 'RecordObjection',
      data: body,
      metadata: dated(body.receivedOn),
    }));
  }

  @CommandPost(201, [...KEEPERS], ':id/fulfilment-checks')
  checkFulfilment(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CheckFulfilmentDto,
    @SignedInCommand() signedIn: SignedInCommand,
  ): Promise<CommandResult> {
    return onContract(this.store, id, signedIn, (dated) => ({
      type: 'CheckFulfilment',
      data: body,
      metadata: dated(body.checkedOn),
    }));
  }

  /**
   * 续订: recorded on the contract in force (once, in its window), then the new request to
   * negotiate, linked to it, as a contract of its own. The new request's id is the one the first
   * step recorded, so a retry after a failure in between completes it and never makes two.
   */
  @CommandPost(201, [...KEEPERS], ':id/renewal')
  async renew(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RequestRenewalDto,
    @SignedInCommand() signedIn: SignedInCommand,
  ): Promise<CommandResult> {
    const { user, request } = signedIn;
    const { state: old } = await loadContractInScope(this.store, user, id, WRITE_ACCESS);
    const { state: union, unit } = await loadUnionInScope(
      this.store,
      user,
      old.unionId,
      WRITE_ACCESS,
    );
    const recorded = await onContract(this.store, id, signedIn, (dated) => ({
      type: 'RequestRenewal',
      data: {
        union: unionOnRecord(union),
        renewalContractId: old.renewalContractId ?? randomUUID(),
        requestedOn: body.requestedOn,
      },
      metadata: dated(body.requestedOn),
    }));
    const { state: renewed } = await readContract(this.store, id);
    const renewalContractId = renewed.status === 'None' ? null : renewed.renewalContractId;
    if (renewalContractId === null) return recorded;
    // The answer names the new request; its events are the old contract's step.
    const answer = { ...recorded, id: renewalContractId };
    if ((await readContract(this.store, renewalContractId)).state.status !== 'None') return answer;
    await runContractCommand(
      this.store,
      renewalContractId,
      {
        type: 'RequestNegotiation',
        data: {
          contractId: renewalContractId,
          union: unionOnRecord(union),
          kind: old.kind,
          employerIds: body.employerIds ?? old.employerIds,
          requestedOn: body.requestedOn,
          renewsContractId: id,
        },
        // No Idempotency-Key of its own: the renewal's first step carries the caller's.
        metadata: { ...request.metadata(startOfBusinessDate(body.requestedOn)), commandId: null },
      },
      { unit, expectedVersion: 0 },
    );

    return answer;
  }

  @Roles(...KEEPERS, 'auditor')
  @Get(':id')
  @ApiOkResponse({ type: ContractViewDto })
  @VersionedRead()
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadContractInScope(this.store, user, id);

    return versioned<ContractViewDto>(version, { ...state, version });
  }
}
