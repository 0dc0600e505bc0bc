import type { AppliedRuleSet, UnionType } from '@taizhang/contracts';
import type { Command } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';

import type { MoveData, ParentRef } from '../org-units';
import type { CommitteeSeat, OfficeHolder } from './committee-rules';
import type { Union } from './union.state';

/**
 * 存量工会登记: a union founded before the platform is recorded as it is, with the employers it
 * covers when they are named (as the registry says, read just before).
 */
export type RegisterUnion = Command<
  'RegisterUnion',
  {
    unionId: string;
    name: string;
    establishedOn: string;
    parent: ParentRef | null;
    employerIds?: string[];
    employers?: EmployerOnRecord[];
    /** The committee serving now: when it was elected and for how many years. */
    currentTerm?: { electedOn: string; termYears: 3 | 5 };
    unionType?: UnionType;
  }
>;

/** An employer named by an application, as the registry (单位台账) says, read just before. */
export interface EmployerOnRecord {
  id: string;
  status: 'None' | 'Open' | 'Closed';
  /** Where it sits (`<city>/<district>/<street>/<credit code>`); null when not registered. */
  orgPath: string | null;
}

/** 组建申请: a preparatory group applies to the union one level up. */
export type SubmitUnionApplication = Command<
  'SubmitUnionApplication',
  {
    unionId: string;
    proposedName: string;
    parent: ParentRef | null;
    employerIds: string[];
    employers: EmployerOnRecord[];
    /** The day the group applied, for an application entered after the fact; today by default. */
    submittedOn?: string;
    preparatoryGroup: { name: string; role: string }[];
    unionType?: UnionType;
  }
>;

/** `approvedOn` records an approval given earlier (a founding entered after the fact); today by default. */
export type ApproveUnionApplication = Command<'ApproveUnionApplication', { approvedOn?: string }>;

export type RejectUnionApplication = Command<'RejectUnionApplication', { reason: string }>;

/** The founding members' congress (会员大会) elects the committee; the union is then established. */
export type HoldFoundingCongress = Command<
  'HoldFoundingCongress',
  {
    heldOn: string;
    entitledVoters: number;
    present: number;
    committee: CommitteeSeat[];
    /** The women's and audit committees' offices filled by the same congress. */
    offices?: OfficeHolder[];
    termYears: 3 | 5;
  }
>;

/** 换届选举: a members' congress re-elects the committee; the higher union approves the result. */
export type HoldElection = Command<'HoldElection', HoldFoundingCongress['data']>;

/** Without a date, the approval is dated today (a re-election entered after the fact carries it). */
export type ApproveElection = Command<'ApproveElection', { approvedOn?: string }>;

/** The higher union refuses the re-election: the old term runs on. */
export type RejectElection = Command<'RejectElection', { rejectedOn: string; reason: string }>;

/** Raised by the term clock on the day after a term ran out without an approved re-election. */
export type RecordTermExpiry = Command<'RecordTermExpiry', Record<string, never>>;

/**
 * Raised by the answer clock on the day the higher union's time to answer an application or an
 * election ran out (`waitingSince` names which one), with the limit the wait began under.
 */
export type RecordApprovalOverdue = Command<
  'RecordApprovalOverdue',
  {
    subject: 'application' | 'election';
    waitingSince: string;
    dueOn: string;
    replyDays: number;
    ruleSet: AppliedRuleSet;
  }
>;

export type RenameUnion = Command<'RenameUnion', { name: string; effectiveOn: string }>;

export type DissolveUnion = Command<'DissolveUnion', { reason: string; dissolvedOn: string }>;

/** 合并: `intoUnion` is the receiving union as its own stream says, read just before deciding. */
export type MergeUnion = Command<
  'MergeUnion',
  { intoUnion: Union; mergedOn: string; reason: string }
>;

/** 三亮: a cadre's name, post, phone and duties, shown while they serve. */
export type AppointCadre = Command<
  'AppointCadre',
  {
    cadreId: string;
    name: string;
    post: string;
    phone: string;
    duties: string;
    appointedOn: string;
  }
>;

export type RemoveCadre = Command<
  'RemoveCadre',
  { cadreId: string; removedOn: string; reason: string }
>;
/** 工会类型变更: the union is of another type from a date. */
export type ChangeUnionType = Command<
  'ChangeUnionType',
  { unionType: UnionType; effectiveOn: string }
>;

/** 亮职责、亮承诺: a serving cadre's public phone, duties and pledge, given or changed from a date. */
export type UpdateCadreDetails = Command<
  'UpdateCadreDetails',
  { cadreId: string; phone?: string; duties?: string; pledge?: string; effectiveOn: string }
>;
/** 隶属关系调整: the union sits under another street or district federation from a date. */
export type MoveUnion = Command<'MoveUnion', MoveData>;

export type UnionCommand =
  | RegisterUnion
  | SubmitUnionApplication
  | ApproveUnionApplication
  | RejectUnionApplication
  | HoldFoundingCongress
  | HoldElection
  | ApproveElection
  | RejectElection
  | RecordTermExpiry
  | RecordApprovalOverdue
  | RenameUnion
  | DissolveUnion
  | MergeUnion
  | AppointCadre
  | RemoveCadre
  | MoveUnion
  | ChangeUnionType
  | UpdateCadreDetails;

/**
 * A command as the decider gets it: with the rules in force on its business date for the union's
 * region, which the runner reads before deciding (the decider stays pure).
 */
export type UnionCommandUnderRules = UnderRules<UnionCommand>;
