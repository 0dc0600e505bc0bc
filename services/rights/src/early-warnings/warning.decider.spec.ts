import type { EarlyWarningEvent } from '@taizhang/contracts';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { ActOnUnionEnd } from '../shared/union-end.commands';
import type { RaiseWarning, WarningCommand } from './warning.commands';
import { isOpenWarningOf, warningDecider } from './warning.decider';

const spec = DeciderSpecification.for(warningDecider);
const metadata = commandMetadata({ now: '2026-03-20T02:00:00Z', actorRole: 'federation_officer' });
const under = <C extends WarningCommand>(command: C): UnderRules<C> => ({
  ...command,
  rules: NATIONAL_RULES_IN_FORCE,
});
const raise = (data: Partial<RaiseWarning['data']> = {}) =>
  under<RaiseWarning>({
    type: 'RaiseWarning',
    data: {
      warningId: 'w1',
      unit: { id: 'street-1', ended: false },
      employerId: null,
      employerName: '沈阳某服装厂',
      risk: 'wage_arrears',
      level: 'yellow',
      raisedOn: '2026-03-10',
      description: '拖欠两个月工资，职工情绪不稳',
      ...data,
    },
    metadata,
  });
const raised: EarlyWarningEvent = {
  type: 'EarlyWarningRaised',
  data: {
    warningId: 'w1',
    orgUnitId: 'street-1',
    employerId: null,
    employerName: '沈阳某服装厂',
    risk: 'wage_arrears',
    level: 'yellow',
    raisedOn: '2026-03-10',
    description: '拖欠两个月工资，职工情绪不稳',
  },
};
const followUp = (on: string) =>
  under({
    type: 'FollowUpWarning',
    data: { followUpId: 'f1', on, action: '约谈企业负责人' },
    metadata,
  });
const followedUp: EarlyWarningEvent = {
  type: 'EarlyWarningFollowedUp',
  data: { warningId: 'w1', orgUnitId: 'street-1', followUpId: 'f1', on: '2026-03-12', action: '约谈企业负责人' },
};
const change = (to: 'blue' | 'yellow' | 'orange' | 'red', changedOn = '2026-03-14') =>
  under({ type: 'ChangeWarningLevel', data: { to, changedOn, reason: '职工聚集' }, metadata });
const changed: EarlyWarningEvent = {
  type: 'EarlyWarningLevelChanged',
  data: {
    warningId: 'w1',
    orgUnitId: 'street-1',
    from: 'yellow',
    to: 'orange',
    changedOn: '2026-03-14',
    reason: '职工聚集',
  },
};
const resolve = (resolvedOn: string) =>
  under({ type: 'ResolveWarning', data: { resolvedOn, outcome: '工资已补发' }, metadata });

describe('Labour-relations early warning (劳动关系预警)', () => {
  it('raises a warning for a union or a federation', () =>
    spec.given([]).when(raise()).then(raised));

  it('refuses a future day, an ended union, a second record', () => {
    spec
      .given([])
      .when(raise({ raisedOn: '2026-03-21' }))
      .thenThrows(IllegalStateError, /future/);
    spec
      .given([])
      .when(raise({ unit: { id: 'u1', ended: true } }))
      .thenThrows(IllegalStateError, /dissolved/);
    spec
      .given([raised])
      .when(raise())
      .thenThrows(IllegalStateError, /already/);
  });

  it('follows up, changes the level from the current one, each dated after the step before', () => {
    spec.given([raised]).when(followUp('2026-03-12')).then(followedUp);
    spec.given([raised, followedUp]).when(change('orange')).then(changed);
    spec
      .given([raised, followedUp])
      .when(followUp('2026-03-11'))
      .thenThrows(IllegalStateError, /before the warning's last step/);
    spec
      .given([raised, followedUp, changed])
      .when(change('red', '2026-03-13'))
      .thenThrows(IllegalStateError, /last step \(2026-03-14\)/);
    spec
      .given([raised])
      .when(followUp('2026-03-21'))
      .thenThrows(IllegalStateError, /future/);
    spec
      .given([raised])
      .when(change('yellow'))
      .thenThrows(IllegalStateError, /already yellow/);
    spec.given([]).when(followUp('2026-03-12')).thenThrows(NotFoundError);
  });

  it('resolves at its current level, then takes nothing more', () => {
    const resolved: EarlyWarningEvent = {
      type: 'EarlyWarningResolved',
      data: {
        warningId: 'w1',
        orgUnitId: 'street-1',
        level: 'orange',
        resolvedOn: '2026-03-14',
        outcome: '工资已补发',
      },
    };
    spec.given([raised, followedUp, changed]).when(resolve('2026-03-14')).then(resolved);
    spec
      .given([raised, changed])
      .when(resolve('2026-03-13'))
      .thenThrows(IllegalStateError, /before/);
    for (const command of [followUp('2026-03-15'), change('red', '2026-03-15'), resolve('2026-03-15')])
      spec
        .given([raised, changed, resolved])
        .when(command)
        .thenThrows(IllegalStateError, /resolved/);
  });

  describe('when the union that raised it ends (README, "A union dissolved or merged")', () => {
    const system = commandMetadata({ now: '2026-03-20T02:00:00Z', actorRole: 'system' });
    const ended = (end: ActOnUnionEnd['data']['end']) =>
      under<ActOnUnionEnd>({ type: 'ActOnUnionEnd', data: { end }, metadata: system });
    const ofUnion: EarlyWarningEvent = {
      ...raised,
      data: { ...raised.data, orgUnitId: 'u1' },
    };
    const merged = ended({
      kind: 'merged',
      unionId: 'u1',
      on: '2026-03-15',
      into: { id: 'u2', path: 'c/street-1/u2' },
    });
    const dissolved = ended({
      kind: 'dissolved',
      unionId: 'u1',
      on: '2026-03-15',
      union: { id: 'u1', path: 'c/street-1/u1' },
      federationId: 'street-1',
    });
    const handedOver: EarlyWarningEvent = {
      type: 'EarlyWarningHandedOver',
      data: { warningId: 'w1', fromUnitId: 'u1', toUnitId: 'u2', on: '2026-03-15', level: 'yellow' },
    };
    const kept: EarlyWarningEvent = {
      type: 'EarlyWarningKeptByFederation',
      data: { warningId: 'w1', unitId: 'u1', keeperId: 'street-1', on: '2026-03-15', level: 'yellow' },
    };
    const fold = (events: EarlyWarningEvent[]) =>
      events.reduce((state, event) => warningDecider.evolve(state, event), warningDecider.initialState());

    it('hands an open warning to the surviving union, which carries it on', () => {
      spec.given([ofUnion]).when(merged).then(handedOver);
      spec
        .given([ofUnion, handedOver])
        .when(followUp('2026-03-16'))
        .then({
          type: 'EarlyWarningFollowedUp',
          data: { warningId: 'w1', orgUnitId: 'u2', followUpId: 'f1', on: '2026-03-16', action: '约谈企业负责人' },
        });
    });

    it('passes an open warning of a dissolved union to the federation above, at its level', () => {
      spec.given([ofUnion]).when(dissolved).then(kept);
      expect(fold([ofUnion, kept])).toMatchObject({ status: 'Open', orgUnitId: 'street-1' });
    });

    it('acts on an open warning of the union only: not a resolved one, a federation’s, nor twice', () => {
      const resolvedOfUnion: EarlyWarningEvent = {
        type: 'EarlyWarningResolved',
        data: { warningId: 'w1', orgUnitId: 'u1', level: 'yellow', resolvedOn: '2026-03-12', outcome: '工资已补发' },
      };
      spec.given([ofUnion, resolvedOfUnion]).when(merged).thenThrows(IllegalStateError, /resolved/);
      spec.given([raised]).when(merged).thenThrows(IllegalStateError, /not raised by/);
      spec.given([ofUnion, kept]).when(dissolved).thenThrows(IllegalStateError, /not raised by/);
      spec.given([]).when(merged).thenThrows(NotFoundError);
      expect(isOpenWarningOf(fold([ofUnion]), 'u1')).toBe(true);
      expect(isOpenWarningOf(fold([ofUnion, handedOver]), 'u1')).toBe(false);
    });
  });
});
