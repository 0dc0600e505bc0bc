/** The founding application, as long as the union is not yet established. */
export interface UnionApplication {
  id: string;
  name: string;
  parentId: string;
  orgPath: string;
  employerIds: string[];
  submittedOn: string;
  /** The higher union did not answer within the rule's time (recorded once by the answer clock). */
  answerOverdue?: boolean;
}

/** A cadre shown publicly (三亮) while serving. */
export interface ServingCadre {
  cadreId: string;
  name: string;
  post: string;
  phone: string;
  duties: string;
  appointedOn: string;
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
  pendingElection?: { heldOn: string; termYears: 3 | 5; answerOverdue?: boolean };
  /** The cadres serving now, in the order appointed. */
  cadres?: ServingCadre[];
}

/**
 * A grassroots union (基层工会), from the founding application to an established org unit and,
 * at the end, its dissolution or its merger into another union (合并).
 */
export type Union =
  | { status: 'None' }
  | ({ status: 'Applied' } & UnionApplication)
  | ({ status: 'Approved'; approvedOn: string } & UnionApplication)
  | ({ status: 'Rejected'; reason: string } & UnionApplication)
  | ActiveUnion
  | { status: 'Dissolved'; id: string; name: string; orgPath: string; dissolvedOn: string }
  | {
      status: 'Merged';
      id: string;
      name: string;
      orgPath: string;
      mergedOn: string;
      intoUnionId: string;
    };
