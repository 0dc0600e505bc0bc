import type {
  EmploymentForm,
  EncryptedValue,
  JoinChannel,
  RetentionReason,
} from '@taizhang/contracts';
import type { Command } from '@taizhang/event-store';

import type { ParentRef } from '../org-units';
import type { Union } from '../unions';

type Gender = 'female' | 'male';

/** The personal fields, already encrypted under the person's key (the decider never sees a key). */
export interface SealedPersonalData {
  keyId: string;
  idCardNumber: EncryptedValue;
  phone: EncryptedValue | null;
  birthDate: EncryptedValue;
}

export type JoinUnion = Command<
  'JoinUnion',
  {
    memberId: string;
    name: string;
    gender: Gender;
    joinedOn: string;
    /** The union as its own stream says, read just before deciding. */
    union: Union;
    /** What the ID card number itself says: its holder's birth date and gender. */
    idCard: { birthDate: string; gender: Gender };
    /** The birth date as the caller stated it, if stated. */
    statedBirthDate: string | null;
    employerId: string | null;
    employmentForm: EmploymentForm;
    migrantWorker: boolean;
    channel: JoinChannel;
    personalData: SealedPersonalData;
  }
>;

/** 会员关系转接: into `toUnion`, as its own stream says. */
export type TransferMember = Command<'TransferMember', { toUnion: Union; transferredOn: string }>;

export type LeaveUnion = Command<'LeaveUnion', { reason: string; leftOn: string }>;

/** 保留会籍: `union` is the member's union as its stream says, `federation` the unit above it. */
export type RetainMembership = Command<
  'RetainMembership',
  {
    reason: RetentionReason;
    heldBy: 'union' | 'federation';
    since: string;
    union: Union;
    federation: ParentRef | null;
  }
>;

/** Destroys the person's key: everything encrypted under it is unreadable from then on. */
export type ErasePersonalData = Command<'ErasePersonalData', { reason: string }>;

/** Sent for every member of a union that merges (合并), inside the merger's transaction. */
export type MoveWithMerger = Command<
  'MoveWithMerger',
  { fromUnionId: string; toUnionId: string; mergedOn: string }
>;

/**
 * Sent for every member of a union that is dissolved (撤销), inside the dissolution's
 * transaction: the federation one level up (`federationId`) holds what the union held.
 */
export type RetainWithDissolution = Command<
  'RetainWithDissolution',
  { unionId: string; federationId: string; dissolvedOn: string }
>;

export type MemberCommand =
  | JoinUnion
  | TransferMember
  | LeaveUnion
  | RetainMembership
  | ErasePersonalData
  | MoveWithMerger
  | RetainWithDissolution;
