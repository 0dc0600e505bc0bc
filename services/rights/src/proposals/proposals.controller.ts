import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import { CommandPost, SignedInCommand, versioned, VersionedRead } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { loadCongressInScope } from '../congresses';
import { recordCommand } from '../shared/record-command';
import {
  AnswerProposalDto,
  DecideProposalDto,
  ProposalViewDto,
  RecordImplementationDto,
  SubmitProposalDto,
} from './dto/proposal.dto';
import { loadProposalInScope, runProposalCommand } from './proposal-streams';

const KEEPERS = ['union_cadre', 'federation_officer'] as const;

const onProposal = recordCommand({ load: loadProposalInScope, run: runProposalCommand });

/** 提案: submitted to a congress → accepted, merged or not accepted → answered → implemented. */
@ApiTags('proposals 提案')
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly store: PostgresEventStore) {}

  @CommandPost(201, [...KEEPERS])
  async submit(
    @Body() body: SubmitProposalDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { state: congress, unit } = await loadCongressInScope(
      this.store,
      user,
      body.congressId,
      WRITE_ACCESS,
    );
    const proposalId = randomUUID();

    return runProposalCommand(
      this.store,
      proposalId,
      {
        type: 'SubmitProposal',
        data: {
          proposalId,
          congress: { congressId: congress.congressId, unionId: congress.unionId },
          title: body.title,
          submittedBy: body.submittedBy,
          submittedOn: body.submittedOn,
        },
        metadata: request.metadata(startOfBusinessDate(body.submittedOn)),
      },
      { unit, expectedVersion: request.expectedVersion, fingerprint: ['SubmitProposal', body] },
    );
  }

  @CommandPost(200, [...KEEPERS], ':id/decision')
  decideOn(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideProposalDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onProposal(this.store, id, command, (dated) => ({
      type: 'DecideProposal',
      data: body,
      metadata: dated(body.decidedOn),
    }));
  }

  @CommandPost(200, [...KEEPERS], ':id/answer')
  answer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AnswerProposalDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onProposal(this.store, id, command, (dated) => ({
      type: 'AnswerProposal',
      data: body,
      metadata: dated(body.answeredOn),
    }));
  }

  @CommandPost(200, [...KEEPERS], ':id/implementation')
  implement(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordImplementationDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onProposal(this.store, id, command, (dated) => ({
      type: 'RecordImplementation',
      data: body,
      metadata: dated(body.implementedOn),
    }));
  }

  @Roles(...KEEPERS, 'auditor')
  @Get(':id')
  @ApiOkResponse({ type: ProposalViewDto })
  @VersionedRead()
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadProposalInScope(this.store, user, id);

    return versioned<ProposalViewDto>(version, { ...state, version });
  }
}
