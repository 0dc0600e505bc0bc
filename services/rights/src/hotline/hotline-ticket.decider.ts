import type { HotlineEvent, HotlineTier } from '@taizhang/contracts';
import { addDays } from '@taizhang/deadlines';
import { businessDate, notInFuture } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, NotFoundError, unknownCommand } from '@taizhang/event-store';
import type { RulesInForce, UnderRules } from '@taizhang/rules';
import { appliedRuleSet } from '@taizhang/rules';

import type { ActOnUnionEnd } from '../shared/union-end.commands';
import type {
  AssignTicket,
  CallBack,
  CloseTicket,
  HotlineTicketCommand,
  MarkTicketOverdue,
  ReceiveTicket,
  UnitOnRecord,
} from './hotline-ticket.commands';
import type { HotlineTicket, RecordedHotlineTicket } from './hotline-ticket.state';
import { initialState } from './hotline-ticket.state';
import { tierOf } from './hotline-tier';

export { initialState };
export type { HotlineTicket };

const recorded = (
  state: HotlineTicket,
  change: (ticket: RecordedHotlineTicket) => RecordedHotlineTicket,
): HotlineTicket => (state.status === 'None' ? state : change(state));

export const evolve = (state: HotlineTicket, event: HotlineEvent): HotlineTicket => {
  switch (event.type) {
    case 'HotlineTicketReceived': {
      const { ruleSet: _ruleSet, orgUnitId, ...data } = event.data;

      return {
        status: 'Open',
        ...data,
        receivedBy: orgUnitId,
        orgUnitId,
        assignments: [],
        callBacks: [],
        answeredOn: null,
        overdue: false,
        closedAt: null,
        outcome: null,
        satisfaction: null,
        wagesRecoveredFen: null,
        onTime: null,
      };
    }
    case 'HotlineTicketAssigned':
      return recorded(state, (ticket) => ({
        ...ticket,
        orgUnitId: event.data.toOrgUnitId,
        tier: event.data.tier,
        answerDueOn: event.data.answerDueOn,
        assignments: [
          ...ticket.assignments,
          {
            fromOrgUnitId: event.data.fromOrgUnitId,
            toOrgUnitId: event.data.toOrgUnitId,
            assignedAt: event.data.assignedAt,
          },
        ],
      }));
    case 'HotlineTicketCalledBack':
      return recorded(state, (ticket) => ({
        ...ticket,
        callBacks: [
          ...ticket.callBacks,
          { calledBackAt: event.data.calledBackAt, note: event.data.note },
        ],
        answeredOn: ticket.answeredOn ?? businessDate(new Date(event.data.calledBackAt)),
      }));
    case 'HotlineTicketClosed':
      return recorded(state, (ticket) => ({
        ...ticket,
        status: 'Closed',
        answeredOn: ticket.answeredOn ?? event.data.closedOn,
        closedAt: event.data.closedAt,
        outcome: event.data.outcome,
        satisfaction: event.data.satisfaction,
        wagesRecoveredFen: event.data.wagesRecoveredFen,
        onTime: event.data.onTime,
      }));
    case 'HotlineTicketOverdue':
      return recorded(state, (ticket) => ({ ...ticket, overdue: true }));
    // Its union ended: the new holder has it from then on; tier and answer day stay.
    case 'HotlineTicketHandedOver':
      return recorded(state, (ticket) => ({ ...ticket, orgUnitId: event.data.toUnitId }));
    case 'HotlineTicketKeptByFederation':
      return recorded(state, (ticket) => ({ ...ticket, orgUnitId: event.data.keeperId }));
    default:
      return state;
  }
};

const ticketNotFound = () =>
  new NotFoundError('The hotline ticket does not exist. / 该热线工单不存在。');

/** The tier of a unit that may hold a ticket, or a refusal for one that may not. */
const tierOfUnit = (unit: UnitOnRecord): HotlineTier => {
  if (unit.ended)
    throw new IllegalStateError(
      'The union has been dissolved or merged and records nothing more. / 该工会已撤销或合并，不再登记新的事项。',
      'UNION_ENDED',
    );
  const tier = tierOf(unit.kind);
  if (tier === null)
    throw new IllegalStateError(
      { en: `A unit of kind ${unit.kind} handles no tickets.`, zh: '该组织不承办热线工单。' },
      'NOT_A_HANDLING_UNIT',
    );

  return tier;
};

/** The last day to answer: the tier's days (a regional rule) after the day of receipt. */
const answerDueOn = (rules: RulesInForce, receivedOn: string, tier: HotlineTier) =>
  addDays(receivedOn, rules.values.hotline.answerDays[tier]);

/** An instant (ISO) not after today in China: what is recorded has happened. */
const happened = (at: string, now: Date, what: string, whatZh: string) =>
  notInFuture(businessDate(new Date(at)), now, what, whatZh);

const receiveTicket = (command: UnderRules<ReceiveTicket>, state: HotlineTicket): HotlineEvent => {
  const { ticketId, unit, receivedAt, ...data } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(
      'The ticket is already recorded. / 该热线工单已受理。',
      'TICKET_EXISTS',
    );
  happened(receivedAt, command.metadata.now, 'receipt time', '受理时间');
  const tier = tierOfUnit(unit);
  const receivedOn = businessDate(new Date(receivedAt));

  return {
    type: 'HotlineTicketReceived',
    data: {
      ticketId,
      orgUnitId: unit.id,
      tier,
      ...data,
      receivedAt,
      receivedOn,
      answerDueOn: answerDueOn(command.rules, receivedOn, tier),
      ruleSet: appliedRuleSet(command.rules),
    },
  };
};

/** A step on an open ticket, at or after its receipt and not in the future. */
const open = (state: HotlineTicket, at: string, now: Date, what: string, whatZh: string) => {
  if (state.status === 'None') throw ticketNotFound();
  if (state.status !== 'Open')
    throw new IllegalStateError(
      'The ticket is already closed. / 该热线工单已办结。',
      'TICKET_CLOSED',
    );
  happened(at, now, what, whatZh);
  if (Date.parse(at) < Date.parse(state.receivedAt))
    throw new IllegalStateError(
      {
        en: `The ${what} ${at} is before the ticket was received (${state.receivedAt}).`,
        zh: `${whatZh}不能早于受理时间。`,
      },
      'BEFORE_RECEIPT',
    );

  return state;
};

const assignTicket = (command: UnderRules<AssignTicket>, state: HotlineTicket): HotlineEvent => {
  const { holderPath, to, assignedAt } = command.data;
  const ticket = open(state, assignedAt, command.metadata.now, 'assignment time', '转办时间');
  // Down the tree only: the holder itself or a unit below it handles the ticket.
  if (to.path !== holderPath && !to.path.startsWith(`${holderPath}/`))
    throw new IllegalStateError(
      {
        en: 'A ticket is assigned to the unit holding it or to a unit below it.',
        zh: '热线工单只能转办给本级或下级组织。',
      },
      'NOT_BELOW_HOLDER',
    );
  const tier = tierOfUnit(to);

  return {
    type: 'HotlineTicketAssigned',
    data: {
      ticketId: ticket.ticketId,
      fromOrgUnitId: ticket.orgUnitId,
      toOrgUnitId: to.id,
      tier,
      assignedAt,
      assignedOn: businessDate(new Date(assignedAt)),
      legalAid: ticket.legalAid,
      overdue: ticket.overdue,
      answerDueOn: answerDueOn(command.rules, ticket.receivedOn, tier),
      ruleSet: appliedRuleSet(command.rules),
    },
  };
};

const callBack = (command: CallBack, state: HotlineTicket): HotlineEvent => {
  const { calledBackAt, note } = command.data;
  const ticket = open(state, calledBackAt, command.metadata.now, 'call-back time', '回复时间');

  return {
    type: 'HotlineTicketCalledBack',
    data: { ticketId: ticket.ticketId, orgUnitId: ticket.orgUnitId, calledBackAt, note },
  };
};

const closeTicket = (command: CloseTicket, state: HotlineTicket): HotlineEvent => {
  const { closedAt, outcome, satisfaction, wagesRecoveredFen } = command.data;
  const ticket = open(state, closedAt, command.metadata.now, 'closing time', '办结时间');
  const closedOn = businessDate(new Date(closedAt));
  // On time: the caller's first answer (a call-back, else the closure) came by the last day.
  const answeredOn = ticket.answeredOn ?? closedOn;

  return {
    type: 'HotlineTicketClosed',
    data: {
      ticketId: ticket.ticketId,
      orgUnitId: ticket.orgUnitId,
      closedAt,
      closedOn,
      outcome,
      satisfaction,
      wagesRecoveredFen,
      answerDueOn: ticket.answerDueOn,
      onTime: answeredOn <= ticket.answerDueOn,
    },
  };
};

const markTicketOverdue = (command: MarkTicketOverdue, state: HotlineTicket): HotlineEvent => {
  if (state.status === 'None') throw ticketNotFound();
  const ticket: RecordedHotlineTicket = state;
  if (ticket.status !== 'Open' || ticket.answeredOn !== null || ticket.overdue)
    throw new IllegalStateError(
      'The caller was answered, or the ticket is overdue already. / 已回复或已记逾期。',
      'TICKET_ANSWERED',
    );
  if (businessDate(command.metadata.now) <= ticket.answerDueOn)
    throw new IllegalStateError(
      'The answer day has not run out yet. / 回复期限尚未届满。',
      'NOT_DUE_YET',
    );

  return {
    type: 'HotlineTicketOverdue',
    data: {
      ticketId: ticket.ticketId,
      orgUnitId: ticket.orgUnitId,
      answerDueOn: ticket.answerDueOn,
    },
  };
};

/** Open, held by the union: what the union's end acts on (a federation's never ends). */
export const isOpenTicketOf = (state: HotlineTicket, unionId: string): boolean =>
  state.status === 'Open' && state.orgUnitId === unionId;

/**
 * The union's end (README, "A union dissolved or merged"): an open ticket it holds passes to the
 * union it merged into, or, dissolved, to the federation above, as if the system assigned it up.
 * The answer day stays as it was: the caller's wait does not start again.
 */
const actOnUnionEnd = (command: ActOnUnionEnd, state: HotlineTicket): HotlineEvent => {
  const { end } = command.data;
  if (state.status === 'None') throw ticketNotFound();
  if (state.status !== 'Open')
    throw new IllegalStateError(
      'The ticket is already closed. / 该热线工单已办结。',
      'TICKET_CLOSED',
    );
  if (state.orgUnitId !== end.unionId)
    throw new IllegalStateError(
      'The ticket is not held by the union that ended. / 该热线工单不由该工会承办。',
      'NOT_OF_UNION',
    );
  const { ticketId, legalAid, overdue } = state;
  if (end.kind === 'merged')
    return {
      type: 'HotlineTicketHandedOver',
      data: { ticketId, fromUnitId: end.unionId, toUnitId: end.into.id, on: end.on, legalAid, overdue },
    };

  return {
    type: 'HotlineTicketKeptByFederation',
    data: { ticketId, unitId: end.unionId, keeperId: end.federationId, on: end.on, legalAid, overdue },
  };
};

export const decide = (
  command: UnderRules<HotlineTicketCommand>,
  state: HotlineTicket,
): HotlineEvent => {
  switch (command.type) {
    case 'ReceiveTicket':
      return receiveTicket(command, state);
    case 'AssignTicket':
      return assignTicket(command, state);
    case 'CallBack':
      return callBack(command, state);
    case 'CloseTicket':
      return closeTicket(command, state);
    case 'MarkTicketOverdue':
      return markTicketOverdue(command, state);
    case 'ActOnUnionEnd':
      return actOnUnionEnd(command, state);
    default:
      return unknownCommand(command);
  }
};

export const hotlineTicketDecider: Decider<
  HotlineTicket,
  UnderRules<HotlineTicketCommand>,
  HotlineEvent
> = { decide, evolve, initialState };
