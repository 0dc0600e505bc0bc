import type {
  HotlineCategory,
  HotlineChannel,
  HotlineOutcome,
  HotlineTier,
} from '@taizhang/contracts';

/** A 12351 ticket 热线工单: open until closed (办结). */
export type HotlineTicketStatus = 'Open' | 'Closed';

/** A 12351 hotline ticket or legal aid request 法律援助, held by the unit that must handle it. */
export type HotlineTicket =
  | { status: 'None' }
  | {
      status: HotlineTicketStatus;
      ticketId: string;
      /** The unit that received it (受理单位). */
      receivedBy: string;
      /** The unit that holds it now (承办单位): scope and figures follow it. */
      orgUnitId: string;
      tier: HotlineTier;
      channel: HotlineChannel;
      category: HotlineCategory;
      receivedAt: string;
      receivedOn: string;
      callerName: string | null;
      callerUnionId: string | null;
      summary: string;
      legalAid: boolean;
      /** The last day to answer the caller, by the holder's tier. */
      answerDueOn: string;
      assignments: { fromOrgUnitId: string; toOrgUnitId: string; assignedAt: string }[];
      callBacks: { calledBackAt: string; note: string }[];
      /** The business date the caller was first answered (call-back or closure). */
      answeredOn: string | null;
      /** The answer day ran out unanswered (recorded by the clock). */
      overdue: boolean;
      closedAt: string | null;
      outcome: HotlineOutcome | null;
      satisfaction: number | null;
      wagesRecoveredFen: number | null;
      onTime: boolean | null;
    };

export type RecordedHotlineTicket = Exclude<HotlineTicket, { status: 'None' }>;

export const initialState = (): HotlineTicket => ({ status: 'None' });
