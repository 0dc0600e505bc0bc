/** The founding application, as long as the union is not yet established. */
export interface UnionApplication {
  id: string;
  name: string;
  parentId: string;
  orgPath: string;
  employerIds: string[];
  submittedOn: string;
}

/** A union that exists as an org unit: registered as it was, or established by its congress. */
export interface ActiveUnion {
  status: 'Registered';
  id: string;
  name: string;
  parentId: string;
  orgPath: string;
  establishedOn: string;
  /** Unknown for a union registered as it was before the platform. */
  termEndsOn?: string;
  /** The term ran out without an approved re-election (换届预警). */
  termExpired?: boolean;
  /** The effective date of the union's last move to another parent (隶属关系调整). */
  movedOn?: string;
  /** A re-election waiting for the higher union's approval. */
  pendingElection?: { heldOn: string; termYears: 3 | 5 };
}

/**
 * A grassroots union (基层工会), from the founding application to an established org unit and,
 * at the end, its dissolution.
 */
export type Union =
  | { status: 'None' }
  | ({ status: 'Applied' } & UnionApplication)
  | ({ status: 'Approved'; approvedOn: string } & UnionApplication)
  | ({ status: 'Rejected'; reason: string } & UnionApplication)
  | ActiveUnion
  | { status: 'Dissolved'; id: string; name: string; orgPath: string; dissolvedOn: string };
