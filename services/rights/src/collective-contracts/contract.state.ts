import type { ContractKind } from '@taizhang/contracts';

/** A collective contract 集体合同, from the request to negotiate on (its later stages to come). */
export type CollectiveContract =
  | { status: 'None' }
  | {
      status: 'Requested' | 'Answered' | 'Overdue' | 'Lapsed';
      contractId: string;
      unionId: string;
      kind: ContractKind;
      employerIds: string[];
      requestedOn: string;
      answerDueOn: string;
      answeredOn: string | null;
    };

export type RequestedContract = Exclude<CollectiveContract, { status: 'None' }>;

export const initialState = (): CollectiveContract => ({ status: 'None' });
