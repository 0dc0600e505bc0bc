import type { ContractKind } from '@taizhang/contracts';
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
  }
>;
/** 书面回应: the employers answered in writing. */
export type RecordAnswer = Command<'RecordAnswer', { answeredOn: string }>;
/** The answer clock: no written answer by the due date (run once by the clock). */
export type MarkRequestOverdue = Command<'MarkRequestOverdue', { dueOn: string }>;

export type ContractCommand =
  RequestNegotiation | RecordAnswer | MarkRequestOverdue | ActOnUnionEnd;
