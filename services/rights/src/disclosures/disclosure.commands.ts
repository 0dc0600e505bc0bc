import type { DisclosureRecorded } from '@taizhang/contracts';
import type { Command } from '@taizhang/event-store';

import type { UnionOnRecord } from '../shared/union-on-record';

type Recorded = DisclosureRecorded['data'];

/** 厂务公开/校务公开: what a union's employer made public, when, to whom and how. */
export type RecordDisclosure = Command<
  'RecordDisclosure',
  Omit<Recorded, 'unionId'> & { union: UnionOnRecord }
>;
/** Withdraws a disclosure recorded in error (撤销登记); to correct one, withdraw it and record anew. */
export type WithdrawDisclosure = Command<
  'WithdrawDisclosure',
  { withdrawnOn: string; reason: string }
>;

export type DisclosureCommand = RecordDisclosure | WithdrawDisclosure;
