import type { UnionType } from '@taizhang/contracts';

import type { CommitteeSeat, OfficeHolder } from './committee-rules';

/** The founding application, as long as the union is not yet established. */
export interface UnionApplication {
  id: string;
  name: string;
  parentId: string;
  orgPath: string;
  employerIds: string[];
  submittedOn: string;
  /** 工会类型 of the union to be founded; undefined when the application did not say. */
  unionType?: UnionType;
  /** The higher union did not answer within the rule's time (recorded once by the answer clock). */
  answerOverdue?: boolean;
}

/** A cadre shown publicly (三亮) while serving. */
export interface ServingCadre {
  cadreId: string;
  name: string;
  post: string;
  /** The elected post's code, for a cadre who came with an elected committee. */
  postCode?: string;
  /** A cadre from an elected committee has no phone or duties until they are given. */
  phone?: string;
  duties?: string;
  pledge?: string;
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
  /** A re-election waiting for the higher union's approval, with whom it elected. */
  pendingElection?: {
    heldOn: string;
    termYears: 3 | 5;
    committee?: CommitteeSeat[];
    offices?: OfficeHolder[];
    /** The higher union did not answer within the rule's time (recorded once by the answer clock). */
    answerOverdue?: boolean;
  };
  /** How many elected committees took office on the platform (names their cadres' ids). */
  committeesSeated?: number;
  /** The cadres serving now, in the order appointed. */
  cadres?: ServingCadre[];
  /** 工会类型; undefined when never recorded (registered before types were kept). */
  unionType?: UnionType;
  /** The effective date of the last change of type: a later change is not dated before it. */
  typeChangedOn?: string;
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
