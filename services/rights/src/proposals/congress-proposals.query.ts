import { sqlMigration } from '@taizhang/bootstrap';
import type { PostgresEventStore } from '@taizhang/event-store';

import type { SubmittedProposal } from './proposal.state';
import { readProposal } from './proposal-streams';

/**
 * A session's proposals found by their submissions (keyed by the congress): one index, no read
 * model to keep in step; each proposal is then its own stream folded by the decider.
 */
export const IndexProposalsByCongress1769000000000 = sqlMigration(
  'IndexProposalsByCongress1769000000000',
  {
    up: [
      `CREATE INDEX events_proposals_by_congress ON events ((data->>'congressId'), position)
       WHERE type = 'ProposalSubmitted'`,
    ],
    down: ['DROP INDEX events_proposals_by_congress'],
  },
);

const SUBMITTED_TO = `
  SELECT data->>'proposalId' AS proposal_id FROM events
  WHERE type = 'ProposalSubmitted' AND data->>'congressId' = $1
  ORDER BY data->>'submittedOn', position`;

export const PROPOSAL_STATUSES = [
  'Submitted',
  'Accepted',
  'Merged',
  'NotAccepted',
  'Answered',
  'Implemented',
  'ClosedUnanswered',
] as const satisfies readonly SubmittedProposal['status'][];

export type ProposalStatusCounts = Record<SubmittedProposal['status'], number>;

/** 提案落实情况: every proposal submitted to a session, in submission order, and how many stand where. */
export const listCongressProposals = async (
  store: PostgresEventStore,
  congressId: string,
): Promise<{ proposals: SubmittedProposal[]; counts: ProposalStatusCounts }> => {
  const { rows } = await store.pool.query<{ proposal_id: string }>(SUBMITTED_TO, [congressId]);
  const proposals: SubmittedProposal[] = [];
  for (const { proposal_id } of rows) {
    const { state } = await readProposal(store, proposal_id);
    if (state.status !== 'None') proposals.push(state);
  }
  const counts = Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, 0])) as ProposalStatusCounts;
  for (const { status } of proposals) counts[status] += 1;

  return { proposals, counts };
};
