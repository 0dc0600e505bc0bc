import type { HotlineCategory, HotlineChannel, HotlineOutcome } from '@taizhang/contracts';
import type { Command } from '@taizhang/event-store';

import type { ActOnUnionEnd } from '../shared/union-end.commands';

/** An org unit as the runner found it in the tree: its kind gives the tier. */
export interface UnitOnRecord {
  id: string;
  /** municipal, district, street, community, village or union. */
  kind: string;
  path: string;
  /** A dissolved or merged union takes nothing new. */
  ended: boolean;
}

/** 受理: a federation or union receives a ticket. */
export type ReceiveTicket = Command<
  'ReceiveTicket',
  {
    ticketId: string;
    unit: UnitOnRecord;
    channel: HotlineChannel;
    category: HotlineCategory;
    receivedAt: string;
    callerName: string | null;
    callerUnionId: string | null;
    summary: string;
    legalAid: boolean;
  }
>;
/** 转办: the ticket goes to the level that must handle it (the holder or a unit below). */
export type AssignTicket = Command<
  'AssignTicket',
  { holderPath: string; to: UnitOnRecord; assignedAt: string }
>;
/** 回复 / 回访: the caller is answered. */
export type CallBack = Command<'CallBack', { calledBackAt: string; note: string }>;
/** 办结. */
export type CloseTicket = Command<
  'CloseTicket',
  {
    closedAt: string;
    outcome: HotlineOutcome;
    satisfaction: number | null;
    wagesRecoveredFen: number;
  }
>;
/** The answer clock: the day ran out unanswered (run once by the clock). */
export type MarkTicketOverdue = Command<'MarkTicketOverdue', { dueOn: string }>;

export type HotlineTicketCommand =
  | ReceiveTicket
  | AssignTicket
  | CallBack
  | CloseTicket
  | MarkTicketOverdue
  | ActOnUnionEnd;
