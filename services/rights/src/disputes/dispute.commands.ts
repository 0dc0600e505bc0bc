import type { DisputeCategory } from '@taizhang/contracts';
import type { Command } from '@taizhang/event-store';

import type { ActOnUnionEnd } from '../shared/union-end.commands';
import type { UnionOnRecord } from '../shared/union-on-record';

/** A claimant as the runner found them: `activeMember` is what the member directory said. */
export interface ClaimantOnRecord {
  memberId: string | null;
  name: string;
  /** Whether `memberId` was an active member of the union on the day the dispute was accepted. */
  activeMember: boolean;
}

/** 受理: the union's mediation committee takes a dispute. */
export type RegisterDispute = Command<
  'RegisterDispute',
  {
    disputeId: string;
    union: UnionOnRecord;
    category: DisputeCategory;
    claimants: ClaimantOnRecord[];
    amountClaimedFen: number;
    acceptedOn: string;
  }
>;
/** 调解成功: an agreement, with what was recovered. */
export type RecordAgreement = Command<
  'RecordAgreement',
  { agreedOn: string; amountRecoveredFen: number }
>;
/** 调解不成: referred to arbitration. */
export type RecordFailure = Command<'RecordFailure', { failedOn: string; reason: string }>;
/** 撤回: the workers withdraw. */
export type WithdrawDispute = Command<'WithdrawDispute', { withdrawnOn: string; reason: string }>;
/** The arbitration clock: the mediation days ran out (run once by the clock). */
export type MarkArbitrationEligible = Command<'MarkArbitrationEligible', { dueOn: string }>;

export type DisputeCommand =
  | RegisterDispute
  | RecordAgreement
  | RecordFailure
  | WithdrawDispute
  | MarkArbitrationEligible
  | ActOnUnionEnd;
