import type { CommandResult, OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, handleCommand, NotFoundError } from '@taizhang/event-store';

import { rightsRecordLoader } from '../shared/rights-command';
import type { ProposalCommand } from './proposal.commands';
import { proposalDecider } from './proposal.decider';
import type { Proposal, SubmittedProposal } from './proposal.state';

export const proposalStreamId = (proposalId: string): string => `proposal-${proposalId}`;

export const readProposal = (store: PostgresEventStore, proposalId: string) =>
  aggregateStream(store, proposalStreamId(proposalId), proposalDecider);

/** A proposal the caller may reach, where its union is now: 404 when absent or outside. */
export const loadProposalInScope = rightsRecordLoader({
  read: readProposal,
  exists: (state: Proposal): state is SubmittedProposal => state.status !== 'None',
  unionOf: (state: SubmittedProposal) => state.unionId,
  notFound: (id: string) => new NotFoundError(`Proposal ${id} does not exist. / 该提案不存在。`),
});

/** One command on a proposal's stream; no legal number applies, so no rules are read. */
export const runProposalCommand = (
  store: PostgresEventStore,
  proposalId: string,
  command: ProposalCommand,
  options: { unit: OrgUnitRef; expectedVersion?: number | undefined; fingerprint?: unknown },
): Promise<CommandResult> =>
  handleCommand(store, {
    streamId: proposalStreamId(proposalId),
    streamType: 'proposal',
    decider: proposalDecider,
    command,
    expectedVersion: options.expectedVersion,
    orgUnit: options.unit,
    id: proposalId,
    fingerprint: options.fingerprint,
  });
