import type {
  EmploymentForm,
  EncryptedValue,
  JoinChannel,
  RetentionReason,
} from '@taizhang/contracts';

/** One step of a person's membership history, oldest first. */
export type MembershipStep =
  | { step: 'joined'; on: string; unionId: string }
  | { step: 'transferred'; on: string; unionId: string; fromUnionId: string }
  | {
      step: 'retained';
      on: string;
      unionId: string;
      reason: RetentionReason;
      heldBy: 'union' | 'federation';
      heldByOrgUnitId: string;
    }
  | { step: 'left'; on: string; unionId: string; reason: string };

/** The person's encrypted fields and the key they are under; `erased` once that key is gone. */
export interface PersonalDataState {
  keyId: string | null;
  erased: boolean;
  idCardNumber: EncryptedValue | null;
  phone: EncryptedValue | null;
  birthDate: EncryptedValue | null;
}

export interface Retention {
  reason: RetentionReason;
  heldBy: 'union' | 'federation';
  heldByOrgUnitId: string;
  since: string;
}

/** What is known of a person once they have joined, whatever their status since. */
export interface Enrolment {
  memberId: string;
  name: string;
  gender: 'female' | 'male';
  /** The date the current membership began; a transfer keeps it. */
  joinedOn: string;
  /** The union the member belongs to, or last belonged to. */
  unionId: string;
  /** The date of the last change (join, transfer, retention, leaving): nothing goes before it. */
  since: string;
  employerId: string | null;
  employmentForm: EmploymentForm | null;
  migrantWorker: boolean | null;
  channel: JoinChannel | null;
  personalData: PersonalDataState;
  history: MembershipStep[];
  /** The branch union or union group (分工会/工会小组) of the union the member is placed in. */
  branchId?: string | null;
  /**
   * true: `unionId` is a street, community or village federation holding the membership until a
   * union is founded at the member's workplace (seed 003); a transfer ends it.
   */
  heldByFederation?: boolean;
}

/**
 * A person's union membership (会员), one stream per person (keyed by the blind index of the ID
 * card number), so that one person holds at most one membership in the whole region.
 */
export type Member =
  | { status: 'None' }
  | ({ status: 'Active' } & Enrolment)
  | ({ status: 'Retained'; retention: Retention } & Enrolment)
  | ({ status: 'Left'; leftOn: string; leftReason: string } & Enrolment);
