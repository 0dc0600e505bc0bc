import { z } from 'zod';

import type { EventOf } from '../event-definition';
import { defineEvent } from '../event-definition';
import { AppliedRuleSetSchema } from '../rules/rule-values';

/** How a 12351 ticket came in: the hotline 12351 热线, a visit 来访, online 网上, a letter 来信. */
export const HotlineChannelSchema = z.enum(['phone_12351', 'walk_in', 'online', 'letter']);
export type HotlineChannel = z.infer<typeof HotlineChannelSchema>;

/** What the caller asks about; `legal_aid` 法律援助 is a request for a lawyer's help. */
export const HotlineCategorySchema = z.enum([
  'unpaid_wages',
  'social_insurance',
  'dismissal',
  'work_injury',
  'overtime',
  'legal_aid',
  'other',
]);
export type HotlineCategory = z.infer<typeof HotlineCategorySchema>;

/**
 * The level of the unit that handles a ticket, whose limit applies: 市总 municipal, 区县总
 * district, 街道/乡镇 street (community and village units count as a street), 基层工会 union.
 */
export const HotlineTierSchema = z.enum(['municipal', 'district', 'street', 'union']);
export type HotlineTier = z.infer<typeof HotlineTierSchema>;

/** How a closed ticket ended: 已解决, 转交 (to the labour inspectorate, a court …), 未解决, 撤回. */
export const HotlineOutcomeSchema = z.enum(['resolved', 'referred', 'unresolved', 'withdrawn']);
export type HotlineOutcome = z.infer<typeof HotlineOutcomeSchema>;

const id = () => z.string().min(1);

/**
 * A federation or union received a 12351 ticket (职工诉求 / 法律援助申请); the unit that holds it must
 * answer the caller by `answerDueOn` (its tier's days after receipt, a regional rule).
 */
export const HotlineTicketReceivedV1 = defineEvent(
  'HotlineTicketReceived',
  1,
  z.object({
    ticketId: id(),
    orgUnitId: id(),
    tier: HotlineTierSchema,
    channel: HotlineChannelSchema,
    category: HotlineCategorySchema,
    receivedAt: z.iso.datetime({ offset: true }),
    receivedOn: z.iso.date(),
    callerName: z.string().min(1).nullable(),
    callerUnionId: id().nullable(),
    summary: z.string().min(1),
    legalAid: z.boolean(),
    answerDueOn: z.iso.date(),
    ruleSet: AppliedRuleSetSchema,
  }),
);

/**
 * The ticket was handed to the level that must handle it (转办, the holder or a unit below it):
 * from then on it belongs to `toOrgUnitId`, whose tier's days after receipt give `answerDueOn`.
 * `overdue`: it was overdue already, and its overdue count moves with it.
 */
export const HotlineTicketAssignedV1 = defineEvent(
  'HotlineTicketAssigned',
  1,
  z.object({
    ticketId: id(),
    fromOrgUnitId: id(),
    toOrgUnitId: id(),
    tier: HotlineTierSchema,
    assignedAt: z.iso.datetime({ offset: true }),
    assignedOn: z.iso.date(),
    legalAid: z.boolean(),
    overdue: z.boolean(),
    answerDueOn: z.iso.date(),
    ruleSet: AppliedRuleSetSchema,
  }),
);

/** The handling unit answered the caller (回复 / 回访). */
export const HotlineTicketCalledBackV1 = defineEvent(
  'HotlineTicketCalledBack',
  1,
  z.object({
    ticketId: id(),
    orgUnitId: id(),
    calledBackAt: z.iso.datetime({ offset: true }),
    note: z.string().min(1),
  }),
);

/**
 * The ticket was closed (办结) with its outcome, the caller's satisfaction (1–5) if asked and the
 * wages recovered; `onTime`: the caller was first answered (call-back or closure) by `answerDueOn`.
 */
export const HotlineTicketClosedV1 = defineEvent(
  'HotlineTicketClosed',
  1,
  z.object({
    ticketId: id(),
    orgUnitId: id(),
    closedAt: z.iso.datetime({ offset: true }),
    closedOn: z.iso.date(),
    outcome: HotlineOutcomeSchema,
    satisfaction: z.number().int().min(1).max(5).nullable(),
    wagesRecoveredFen: z.number().int().nonnegative(),
    answerDueOn: z.iso.date(),
    onTime: z.boolean(),
  }),
);

/** `answerDueOn` passed with the caller not answered (逾期未回复): recorded once by the clock. */
export const HotlineTicketOverdueV1 = defineEvent(
  'HotlineTicketOverdue',
  1,
  z.object({
    ticketId: id(),
    orgUnitId: id(),
    answerDueOn: z.iso.date(),
  }),
);

/**
 * Its union merged (合并): an open ticket the union held passes to the surviving union, which
 * holds it from `on` (scope, clock, figures); the answer day stays (the caller's wait goes on).
 * `legalAid`, `overdue`: what reporting moves along with it.
 */
export const HotlineTicketHandedOverV1 = defineEvent(
  'HotlineTicketHandedOver',
  1,
  z.object({
    ticketId: id(),
    fromUnitId: id(),
    toUnitId: id(),
    on: z.iso.date(),
    legalAid: z.boolean(),
    overdue: z.boolean(),
  }),
);

/**
 * Its union dissolved (撤销): an open ticket the union held passes to the federation above
 * (`keeperId`), which holds it from `on`, as if assigned up by the system; the answer day stays.
 */
export const HotlineTicketKeptByFederationV1 = defineEvent(
  'HotlineTicketKeptByFederation',
  1,
  z.object({
    ticketId: id(),
    unitId: id(),
    keeperId: id(),
    on: z.iso.date(),
    legalAid: z.boolean(),
    overdue: z.boolean(),
  }),
);

/** The hotline's events, listed in rights' registry. */
export const hotlineEvents = [
  HotlineTicketReceivedV1,
  HotlineTicketAssignedV1,
  HotlineTicketCalledBackV1,
  HotlineTicketClosedV1,
  HotlineTicketOverdueV1,
  HotlineTicketHandedOverV1,
  HotlineTicketKeptByFederationV1,
] as const;

export type HotlineTicketReceived = EventOf<typeof HotlineTicketReceivedV1>;
export type HotlineTicketAssigned = EventOf<typeof HotlineTicketAssignedV1>;
export type HotlineTicketCalledBack = EventOf<typeof HotlineTicketCalledBackV1>;
export type HotlineTicketClosed = EventOf<typeof HotlineTicketClosedV1>;
export type HotlineTicketOverdue = EventOf<typeof HotlineTicketOverdueV1>;
export type HotlineTicketHandedOver = EventOf<typeof HotlineTicketHandedOverV1>;
export type HotlineTicketKeptByFederation = EventOf<typeof HotlineTicketKeptByFederationV1>;
export type HotlineEvent =
  | HotlineTicketReceived
  | HotlineTicketAssigned
  | HotlineTicketCalledBack
  | HotlineTicketClosed
  | HotlineTicketOverdue
  | HotlineTicketHandedOver
  | HotlineTicketKeptByFederation;
