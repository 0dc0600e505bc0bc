import type { HotlineEvent } from '@taizhang/contracts';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import type { RulesInForce, UnderRules } from '@taizhang/rules';
import { NATIONAL_RULES, NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { ActOnUnionEnd } from '../shared/union-end.commands';
import type { HotlineTicketCommand, ReceiveTicket } from './hotline-ticket.commands';
import { hotlineTicketDecider, isOpenTicketOf } from './hotline-ticket.decider';

const spec = DeciderSpecification.for(hotlineTicketDecider);
const metadata = commandMetadata({ now: '2026-03-20T02:00:00Z', actorRole: 'federation_officer' });
const under = <C extends HotlineTicketCommand>(
  command: C,
  rules: RulesInForce = NATIONAL_RULES_IN_FORCE,
): UnderRules<C> => ({ ...command, rules });
const district = { id: 'd1', kind: 'district', path: 'c/d1', ended: false };
const union = { id: 'u1', kind: 'union', path: 'c/d1/s1/u1', ended: false };
const receive = (data: Partial<ReceiveTicket['data']> = {}) =>
  under<ReceiveTicket>({
    type: 'ReceiveTicket',
    data: {
      ticketId: 't1',
      unit: district,
      channel: 'phone_12351',
      category: 'unpaid_wages',
      // 23:30 UTC is already the next day in China.
      receivedAt: '2026-02-28T23:30:00Z',
      callerName: '张伟',
      callerUnionId: null,
      summary: '公司拖欠三个月工资',
      legalAid: false,
      ...data,
    },
    metadata,
  });
const received: HotlineEvent = {
  type: 'HotlineTicketReceived',
  data: {
    ticketId: 't1',
    orgUnitId: 'd1',
    tier: 'district',
    channel: 'phone_12351',
    category: 'unpaid_wages',
    receivedAt: '2026-02-28T23:30:00Z',
    receivedOn: '2026-03-01',
    callerName: '张伟',
    callerUnionId: null,
    summary: '公司拖欠三个月工资',
    legalAid: false,
    answerDueOn: '2026-03-11',
    ruleSet: { region: 'national', version: 1 },
  },
};
const assign = (to = union, assignedAt = '2026-03-02T01:00:00Z', rules?: RulesInForce) =>
  under(
    { type: 'AssignTicket', data: { holderPath: 'c/d1', to, assignedAt }, metadata },
    rules,
  );
const assigned: HotlineEvent = {
  type: 'HotlineTicketAssigned',
  data: {
    ticketId: 't1',
    fromOrgUnitId: 'd1',
    toOrgUnitId: 'u1',
    tier: 'union',
    assignedAt: '2026-03-02T01:00:00Z',
    assignedOn: '2026-03-02',
    legalAid: false,
    overdue: false,
    answerDueOn: '2026-03-06',
    ruleSet: { region: 'national', version: 1 },
  },
};
const callBack = (calledBackAt: string) =>
  under({ type: 'CallBack', data: { calledBackAt, note: '已联系企业' }, metadata });
const calledBack = (calledBackAt: string): HotlineEvent => ({
  type: 'HotlineTicketCalledBack',
  data: { ticketId: 't1', orgUnitId: 'u1', calledBackAt, note: '已联系企业' },
});
const close = (closedAt: string) =>
  under({
    type: 'CloseTicket',
    data: { closedAt, outcome: 'resolved', satisfaction: 5, wagesRecoveredFen: 300_000 },
    metadata,
  });
const closed = (closedAt: string, closedOn: string, onTime: boolean): HotlineEvent => ({
  type: 'HotlineTicketClosed',
  data: {
    ticketId: 't1',
    orgUnitId: 'u1',
    closedAt,
    closedOn,
    outcome: 'resolved',
    satisfaction: 5,
    wagesRecoveredFen: 300_000,
    answerDueOn: '2026-03-06',
    onTime,
  },
});
const overdue = (now: string) =>
  under({
    type: 'MarkTicketOverdue',
    data: { dueOn: '2026-03-07' },
    metadata: commandMetadata({ now, actorRole: 'system', actorId: 'hotline-answer-clock' }),
  });
const overdueEvent: HotlineEvent = {
  type: 'HotlineTicketOverdue',
  data: { ticketId: 't1', orgUnitId: 'u1', answerDueOn: '2026-03-06' },
};

describe('12351 hotline tickets (热线工单) and legal aid (法律援助)', () => {
  describe('when received', () => {
    it('gives the district 10 days from the day of receipt in China (national rule)', () =>
      spec.given([]).when(receive()).then(received));

    it('takes the limit of the unit’s tier from the region’s rule set, and records it', () => {
      const amended: RulesInForce = {
        region: 'c',
        version: 2,
        values: {
          ...NATIONAL_RULES,
          hotline: { answerDays: { municipal: 20, district: 3, street: 2, union: 1 } },
        },
      };
      spec
        .given([])
        .when(under(receive({ unit: { ...union, kind: 'community' } }), amended))
        .then({
          type: 'HotlineTicketReceived',
          data: {
            ...received.data,
            orgUnitId: 'u1',
            tier: 'street',
            answerDueOn: '2026-03-03',
            ruleSet: { region: 'c', version: 2 },
          },
        });
    });

    it('refuses a future time, an ended union, a second record', () => {
      spec
        .given([])
        .when(receive({ receivedAt: '2026-03-21T01:00:00+08:00' }))
        .thenThrows(IllegalStateError, /future/);
      spec
        .given([])
        .when(receive({ unit: { ...union, ended: true } }))
        .thenThrows(IllegalStateError, /dissolved/);
      spec.given([received]).when(receive()).thenThrows(IllegalStateError, /already/);
    });
  });

  describe('when assigned', () => {
    it('moves to the union below, whose 5 days count from the receipt', () =>
      spec.given([received]).when(assign()).then(assigned));

    it('refuses a unit beside or above the holder, a time before the receipt', () => {
      spec
        .given([received])
        .when(assign({ ...union, path: 'c/d2/u9' }))
        .thenThrows(IllegalStateError, /below/);
      spec
        .given([received])
        .when(assign({ ...union, path: 'c/d10' }))
        .thenThrows(IllegalStateError, /below/);
      spec
        .given([received])
        .when(assign(union, '2026-02-28T12:00:00Z'))
        .thenThrows(IllegalStateError, /before/);
      spec.given([]).when(assign()).thenThrows(NotFoundError);
    });

    it('carries an overdue count with it', () =>
      spec
        .given([received, { ...overdueEvent, data: { ...overdueEvent.data, orgUnitId: 'd1' } }])
        .when(assign())
        .then({ ...assigned, data: { ...assigned.data, overdue: true } }));
  });

  describe('when closed', () => {
    it('is on time when the caller was called back by the last day, however late it closes', () =>
      spec
        .given([received, assigned, calledBack('2026-03-06T15:00:00Z')])
        .when(close('2026-03-20T01:00:00Z'))
        .then(closed('2026-03-20T01:00:00Z', '2026-03-20', true)));

    it('is late when the first answer came after the last day', () =>
      spec
        .given([received, assigned])
        .when(close('2026-03-06T16:00:00Z'))
        .then(closed('2026-03-06T16:00:00Z', '2026-03-07', false)));

    it('closes once; a call-back after it is refused', () => {
      const done = closed('2026-03-05T01:00:00Z', '2026-03-05', true);
      spec
        .given([received, assigned, done])
        .when(close('2026-03-06T01:00:00Z'))
        .thenThrows(IllegalStateError, /closed/);
      spec
        .given([received, assigned, done])
        .when(callBack('2026-03-06T01:00:00Z'))
        .thenThrows(IllegalStateError, /closed/);
    });
  });

  describe('the answer clock', () => {
    it('records the ticket overdue once the last day is over, unanswered', () =>
      spec
        .given([received, assigned])
        .when(overdue('2026-03-06T16:00:00Z'))
        .then(overdueEvent));

    it('refuses on the last day, after a call-back, and a second time', () => {
      spec
        .given([received, assigned])
        .when(overdue('2026-03-06T15:59:00Z'))
        .thenThrows(IllegalStateError, /not run out/);
      spec
        .given([received, assigned, calledBack('2026-03-05T01:00:00Z')])
        .when(overdue('2026-03-08T01:00:00Z'))
        .thenThrows(IllegalStateError, /answered/);
      spec
        .given([received, assigned, overdueEvent])
        .when(overdue('2026-03-08T01:00:00Z'))
        .thenThrows(IllegalStateError, /overdue already/);
    });
  });

  describe('when the union holding it ends (README, "A union dissolved or merged")', () => {
    const system = commandMetadata({ now: '2026-03-20T02:00:00Z', actorRole: 'system' });
    const ended = (end: ActOnUnionEnd['data']['end']) =>
      under<ActOnUnionEnd>({ type: 'ActOnUnionEnd', data: { end }, metadata: system });
    const merged = ended({
      kind: 'merged',
      unionId: 'u1',
      on: '2026-03-04',
      into: { id: 'u2', path: 'c/d1/s1/u2' },
    });
    const dissolved = ended({
      kind: 'dissolved',
      unionId: 'u1',
      on: '2026-03-04',
      union: { id: 'u1', path: 'c/d1/s1/u1' },
      federationId: 's1',
    });
    const handedOver = (overdue: boolean): HotlineEvent => ({
      type: 'HotlineTicketHandedOver',
      data: { ticketId: 't1', fromUnitId: 'u1', toUnitId: 'u2', on: '2026-03-04', legalAid: false, overdue },
    });
    const kept: HotlineEvent = {
      type: 'HotlineTicketKeptByFederation',
      data: { ticketId: 't1', unitId: 'u1', keeperId: 's1', on: '2026-03-04', legalAid: false, overdue: false },
    };
    const fold = (events: HotlineEvent[]) =>
      events.reduce((state, event) => hotlineTicketDecider.evolve(state, event), hotlineTicketDecider.initialState());

    it('hands an open ticket to the surviving union, its answer day unchanged', () => {
      spec.given([received, assigned]).when(merged).then(handedOver(false));
      spec.given([received, assigned, overdueEvent]).when(merged).then(handedOver(true));
      expect(fold([received, assigned, handedOver(false)])).toMatchObject({
        status: 'Open',
        orgUnitId: 'u2',
        tier: 'union',
        answerDueOn: '2026-03-06',
      });
      // The survivor's answer names it as the holder.
      spec
        .given([received, assigned, handedOver(false)])
        .when(callBack('2026-03-05T02:00:00Z'))
        .then({
          type: 'HotlineTicketCalledBack',
          data: { ticketId: 't1', orgUnitId: 'u2', calledBackAt: '2026-03-05T02:00:00Z', note: '已联系企业' },
        });
    });

    it('passes an open ticket of a dissolved union to the federation above, which holds it', () => {
      spec.given([received, assigned]).when(dissolved).then(kept);
      expect(fold([received, assigned, kept])).toMatchObject({
        orgUnitId: 's1',
        answerDueOn: '2026-03-06',
      });
    });

    it('acts on an open ticket of the union only: not a closed one, a federation’s, nor twice', () => {
      spec
        .given([received, assigned, closed('2026-03-03T02:00:00Z', '2026-03-03', true)])
        .when(merged)
        .thenThrows(IllegalStateError, /closed/);
      spec.given([received]).when(dissolved).thenThrows(IllegalStateError, /not held/);
      spec.given([received, assigned, kept]).when(dissolved).thenThrows(IllegalStateError, /not held/);
      spec.given([]).when(merged).thenThrows(NotFoundError);
      expect(isOpenTicketOf(fold([received, assigned]), 'u1')).toBe(true);
      expect(isOpenTicketOf(fold([received, assigned, handedOver(false)]), 'u1')).toBe(false);
      expect(isOpenTicketOf(fold([received]), 'd1')).toBe(true);
    });
  });
});
