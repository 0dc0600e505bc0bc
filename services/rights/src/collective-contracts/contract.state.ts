import type { ContractKind, Negotiator } from '@taizhang/contracts';

/**
 * Where a collective contract 集体合同 stands: requested (要约) → answered (or overdue) →
 * negotiating (协商) → approved by the workers' congress → signed (签订) → filed (报送备案) → in
 * force (视为生效), or objected (审查意见) and back to a vote.
 */
export type ContractStatus =
  | 'Requested'
  | 'Answered'
  | 'Overdue'
  | 'Negotiating'
  | 'Approved'
  | 'Signed'
  | 'Filed'
  | 'Objected'
  | 'InForce'
  /** Unanswered when its union was dissolved: nothing more is recorded on it. */
  | 'Lapsed';

export interface NegotiationRound {
  round: number;
  heldOn: string;
  unionRepresentatives: Negotiator[];
  employerRepresentatives: Negotiator[];
  notes: string | null;
}

export interface DraftVote {
  votedOn: string;
  delegatesTotal: number;
  delegatesPresent: number;
  votesFor: number;
  passed: boolean;
}

/** The terms of the draft the congress approved last: what the signed contract carries. */
export interface ApprovedDraft {
  votedOn: string;
  wageIncreasePercent: number | null;
  workforceCovered: number;
  termYears: number;
}

export interface FulfilmentCheck {
  checkedOn: string;
  year: number;
  fulfilmentRate: number;
  workerSatisfactionRate: number;
}

export type CollectiveContract =
  | { status: 'None' }
  | {
      status: ContractStatus;
      contractId: string;
      unionId: string;
      kind: ContractKind;
      employerIds: string[];
      requestedOn: string;
      answerDueOn: string;
      answeredOn: string | null;
      renewsContractId: string | null;
      rounds: NegotiationRound[];
      /** Rounds held since the last vote: a failed draft goes back to negotiation first. */
      roundsSinceVote: number;
      votes: DraftVote[];
      draft: ApprovedDraft | null;
      signedOn: string | null;
      filingDueOn: string | null;
      filingOverdue: boolean;
      filedOn: string | null;
      deemedEffectiveOn: string | null;
      objections: { receivedOn: string; reason: string }[];
      effectiveOn: string | null;
      expiresOn: string | null;
      renewalWindowOpensOn: string | null;
      renewalDue: boolean;
      renewalContractId: string | null;
      fulfilmentChecks: FulfilmentCheck[];
    };

export type RequestedContract = Exclude<CollectiveContract, { status: 'None' }>;

export const initialState = (): CollectiveContract => ({ status: 'None' });
