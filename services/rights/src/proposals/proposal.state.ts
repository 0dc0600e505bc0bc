/** A proposal 提案 to a workers' congress, from its submission to its implementation. */
export type Proposal =
  | { status: 'None' }
  | {
      status:
        | 'Submitted'
        | 'Accepted'
        | 'Merged'
        | 'NotAccepted'
        | 'Answered'
        | 'Implemented'
        | 'ClosedUnanswered';
      proposalId: string;
      congressId: string;
      unionId: string;
      title: string;
      submittedBy: string;
      submittedOn: string;
      decidedOn: string | null;
      reason: string | null;
      mergedIntoProposalId: string | null;
      answeredOn: string | null;
      answer: string | null;
      implementedOn: string | null;
      /** Closed as not answered when its union was dissolved (撤销). */
      closedOn: string | null;
    };

export type SubmittedProposal = Exclude<Proposal, { status: 'None' }>;

export const initialState = (): Proposal => ({ status: 'None' });
