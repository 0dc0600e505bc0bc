import { contractRequestHandover } from './collective-contracts';
import { disputeHandover } from './disputes';
import { warningHandover } from './early-warnings';
import { hotlineTicketHandover } from './hotline';
import { inspectionHandover } from './labour-protection';
import { proposalHandover } from './proposals';
import type { OpenRecordHandover } from './shared/union-end';

/**
 * What a union's end (UnionMerged, UnionDissolved) acts on, one line per kind of record: each
 * feature's index.ts exports its handover (its open records of a union, and its rule), and the
 * directory's consumer runs them all in its transaction (README, "A union dissolved or merged").
 */
export const openRecordHandovers: readonly OpenRecordHandover[] = [
  disputeHandover,
  contractRequestHandover,
  proposalHandover,
  inspectionHandover,
  hotlineTicketHandover,
  warningHandover,
];
