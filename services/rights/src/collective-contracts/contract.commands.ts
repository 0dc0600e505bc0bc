import type { ContractKind, Negotiator } from '@taizhang/contracts';
import type { Command } from '@taizhang/event-store';

import type { ActOnUnionEnd } from '../shared/union-end.commands';
import type { UnionOnRecord } from '../shared/union-on-record';

/** 要约: a union asks one employer (or several, regional or industry) to negotiate. */
export type RequestNegotiation = Command<
  'RequestNegotiation',
  {
    contractId: string;
    union: UnionOnRecord;
    kind: ContractKind;
    employerIds: string[];
    requestedOn: string;
    /** A renewal 续订: the contract in force it renews. */
    renewsContractId?: string;
  }
>;
/** 书面回应: the employers answered in writing. */
export type RecordAnswer = Command<'RecordAnswer', { answeredOn: string }>;
/** The answer clock: no written answer by the due date (run once by the clock). */
export type MarkRequestOverdue = Command<'MarkRequestOverdue', { dueOn: string }>;
/** 协商: a round of negotiation. */
export type HoldRound = Command<
  'HoldRound',
  {
    heldOn: string;
    unionRepresentatives: Negotiator[];
    employerRepresentatives: Negotiator[];
    notes: string | null;
  }
>;
/** 职代会审议: the workers' congress votes on the draft. */
export type VoteDraft = Command<
  'VoteDraft',
  {
    votedOn: string;
    delegatesTotal: number;
    delegatesPresent: number;
    votesFor: number;
    wageIncreasePercent: number | null;
    workforceCovered: number;
    termYears: number;
  }
>;
/** 签订 */
export type SignContract = Command<'SignContract', { signedOn: string }>;
/** The filing clock: not filed by the due date. */
export type MarkFilingOverdue = Command<'MarkFilingOverdue', { dueOn: string }>;
/** 报送备案 */
export type FileContract = Command<'FileContract', { filedOn: string }>;
/** 审查意见: the labour bureau objected. */
export type RecordObjection = Command<'RecordObjection', { receivedOn: string; reason: string }>;
/** The objection clock: no objection in the days after filing, 视为生效. */
export type MarkDeemedEffective = Command<'MarkDeemedEffective', { dueOn: string }>;
/** The renewal clock: the last months of the term began. */
export type MarkRenewalDue = Command<'MarkRenewalDue', { dueOn: string }>;
/** 续订: the union requests renewal; the new request is `renewalContractId`. */
export type RequestRenewal = Command<
  'RequestRenewal',
  { union: UnionOnRecord; renewalContractId: string; requestedOn: string }
>;
/** 履约检查 */
export type CheckFulfilment = Command<
  'CheckFulfilment',
  { checkedOn: string; year: number; fulfilmentRate: number; workerSatisfactionRate: number }
>;

export type ContractCommand =
  | RequestNegotiation
  | RecordAnswer
  | MarkRequestOverdue
  | HoldRound
  | VoteDraft
  | SignContract
  | MarkFilingOverdue
  | FileContract
  | RecordObjection
  | MarkDeemedEffective
  | MarkRenewalDue
  | RequestRenewal
  | CheckFulfilment
  | ActOnUnionEnd;
