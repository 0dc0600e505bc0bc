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
    /** A branch unit asked for at the join, and whether the union has it (read just before). */
    branch?: BranchAsked | null;
    /**
     * The federation unit joined instead of a union (a street, community or village holding
     * members before their workplace has a union), as its own stream says; `union` is then None.
     */
    holder?: ParentRef | null;
  }
>;

/** A branch unit named by a command: whether the member's union has it (read just before). */
export interface BranchAsked {
  branchId: string;
  found: boolean;
}

/**
 * 分工会/工会小组: the member is placed in a branch unit of their union from a date, or taken
 * out of any (`branch` null).
 */
export type PlaceMemberInBranch = Command<
  'PlaceMemberInBranch',
  { branch: BranchAsked | null; placedOn: string }
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

/**
 * Sent, inside a founding congress's transaction, for each member held by the new union's
 * federation or a unit below it: a member of one of the union's employers moves into it.
 */
export type MoveWithFounding = Command<
  'MoveWithFounding',
  { holderIds: string[]; employerIds: string[]; toUnionId: string; foundedOn: string }
>;

export type MemberCommand =
  | JoinUnion
  | TransferMember
  | LeaveUnion
  | RetainMembership
  | ErasePersonalData
  | MoveWithMerger
  | RetainWithDissolution
  | PlaceMemberInBranch
  | MoveWithFounding;
