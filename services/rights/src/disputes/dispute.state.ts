import type { DisputeCategory } from '@taizhang/contracts';

/** The outcome of a mediation: still open, agreed, failed (→ arbitration) or withdrawn. */
export type DisputeStatus = 'Open' | 'Agreed' | 'Failed' | 'Withdrawn';

/** A labour dispute 劳动争议 taken by a union's mediation committee (调解委员会). */
export type Dispute =
  | { status: 'None' }
  | {
      status: DisputeStatus;
      disputeId: string;
      unionId: string;
      category: DisputeCategory;
      claimants: { memberId: string | null; name: string }[];
      amountClaimedFen: number;
      acceptedOn: string;
      arbitrationEligibleOn: string;
      /** The mediation days ran out without an agreement (recorded by the clock). */
      eligibleForArbitration: boolean;
      amountRecoveredFen: number | null;
      closedOn: string | null;
      reason: string | null;
      /** The federation that keeps it open since its union was dissolved (撤销), else null. */
      keeperId: string | null;
    };

export type RecordedDispute = Exclude<Dispute, { status: 'None' }>;

export const initialState = (): Dispute => ({ status: 'None' });
