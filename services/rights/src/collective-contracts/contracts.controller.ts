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
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { loadUnionInScope, unionOnRecord } from '../shared/union-on-record';
import { loadContractInScope, runContractCommand } from './contract-streams';
import { ContractViewDto, RecordAnswerDto, RequestNegotiationDto } from './dto/contract.dto';

const KEEPERS = ['union_cadre', 'federation_officer'] as const;

/** 集体合同: from the union's request to negotiate (要约) and the employers' written answer. */
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
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return commandOnLoaded(
      request,
      () => loadContractInScope(this.store, user, id, WRITE_ACCESS),
      ({ unit }, expectedVersion) =>
        runContractCommand(
          this.store,
          id,
          {
            type: 'RecordAnswer',
            data: body,
            metadata: request.metadata(startOfBusinessDate(body.answeredOn)),
          },
          { unit, expectedVersion },
        ),
    );
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
