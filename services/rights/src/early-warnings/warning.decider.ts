import type { EarlyWarningEvent } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, NotFoundError, unknownCommand } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';

import type { ActOnUnionEnd } from '../shared/union-end.commands';
import type {
  ChangeWarningLevel,
  FollowUpWarning,
  RaiseWarning,
  ResolveWarning,
  WarningCommand,
} from './warning.commands';
import type { EarlyWarning, RaisedWarning } from './warning.state';
import { initialState } from './warning.state';

export { initialState };
export type { EarlyWarning };

export const evolve = (state: EarlyWarning, event: EarlyWarningEvent): EarlyWarning => {
  if (event.type === 'EarlyWarningRaised')
    return {
      status: 'Open',
      ...event.data,
      lastStepOn: event.data.raisedOn,
      followUps: [],
      levelChanges: [],
      resolvedOn: null,
      outcome: null,
    };
  if (state.status === 'None') return state;
  switch (event.type) {
    case 'EarlyWarningFollowedUp': {
      const { followUpId, on, action } = event.data;

      return { ...state, lastStepOn: on, followUps: [...state.followUps, { followUpId, on, action }] };
    }
    case 'EarlyWarningLevelChanged': {
      const { from, to, changedOn, reason } = event.data;

      return {
        ...state,
        level: to,
        lastStepOn: changedOn,
        levelChanges: [...state.levelChanges, { from, to, changedOn, reason }],
      };
    }
    case 'EarlyWarningResolved':
      return {
        ...state,
        status: 'Resolved',
        lastStepOn: event.data.resolvedOn,
        resolvedOn: event.data.resolvedOn,
        outcome: event.data.outcome,
      };
    // Its union ended: carried on by the surviving union or the federation above.
    case 'EarlyWarningHandedOver':
      return { ...state, orgUnitId: event.data.toUnitId };
    case 'EarlyWarningKeptByFederation':
      return { ...state, orgUnitId: event.data.keeperId };
    default:
      return state;
  }
};

const raiseWarning = (command: RaiseWarning, state: EarlyWarning): EarlyWarningEvent => {
  const { unit, ...data } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(
      'The warning is already recorded. / 该预警已登记。',
      'WARNING_EXISTS',
    );
  notInFuture(data.raisedOn, command.metadata.now, 'warning date', '预警日期');
  if (unit.ended)
    throw new IllegalStateError(
      'The union has been dissolved or merged and records nothing more. / 该工会已撤销或合并，不再登记新的事项。',
      'UNION_ENDED',
    );

  return { type: 'EarlyWarningRaised', data: { ...data, orgUnitId: unit.id } };
};

/** A step on an open warning, dated on or after the step before and not after today. */
const openOn = (
  state: EarlyWarning,
  day: string,
  now: Date,
  what: { en: string; zh: string },
): RaisedWarning => {
  if (state.status === 'None')
    throw new NotFoundError('The warning does not exist. / 该预警不存在。');
  if (state.status === 'Resolved')
    throw new IllegalStateError(
      'The warning is resolved. / 该预警已解除。',
      'WARNING_RESOLVED',
    );
  notInFuture(day, now, what.en, what.zh);
  if (day < state.lastStepOn)
    throw new IllegalStateError(
      {
        en: `The ${what.en} ${day} comes before the warning's last step (${state.lastStepOn}).`,
        zh: `${what.zh}不能早于该预警上一步的日期（${state.lastStepOn}）。`,
      },
      'BEFORE_PREVIOUS_STEP',
    );

  return state;
};

const followUp = (command: FollowUpWarning, state: EarlyWarning): EarlyWarningEvent => {
  const { followUpId, on, action } = command.data;
  const warning = openOn(state, on, command.metadata.now, {
    en: 'follow-up date',
    zh: '处置日期',
  });

  return {
    type: 'EarlyWarningFollowedUp',
    data: { warningId: warning.warningId, orgUnitId: warning.orgUnitId, followUpId, on, action },
  };
};

const changeLevel = (command: ChangeWarningLevel, state: EarlyWarning): EarlyWarningEvent => {
  const { to, changedOn, reason } = command.data;
  const warning = openOn(state, changedOn, command.metadata.now, {
    en: 'level change date',
    zh: '调整等级日期',
  });
  if (warning.level === to)
    throw new IllegalStateError(
      { en: `The warning is already ${to}.`, zh: '预警等级未变化。' },
      'LEVEL_UNCHANGED',
    );

  return {
    type: 'EarlyWarningLevelChanged',
    data: {
      warningId: warning.warningId,
      orgUnitId: warning.orgUnitId,
      from: warning.level,
      to,
      changedOn,
      reason,
    },
  };
};

const resolve = (command: ResolveWarning, state: EarlyWarning): EarlyWarningEvent => {
  const { resolvedOn, outcome } = command.data;
  const warning = openOn(state, resolvedOn, command.metadata.now, {
    en: 'resolution date',
    zh: '解除日期',
  });

  return {
    type: 'EarlyWarningResolved',
    // The level it ends at: what the open figures by level take back.
    data: {
      warningId: warning.warningId,
      orgUnitId: warning.orgUnitId,
      level: warning.level,
      resolvedOn,
      outcome,
    },
  };
};

/** Open, raised by the union: what the union's end acts on (a federation's never ends). */
export const isOpenWarningOf = (state: EarlyWarning, unionId: string): boolean =>
  state.status === 'Open' && state.orgUnitId === unionId;

/**
 * The union's end (README, "A union dissolved or merged"): an open warning it raised is carried
 * on by the union it merged into, or, dissolved, by the federation above.
 */
const actOnUnionEnd = (command: ActOnUnionEnd, state: EarlyWarning): EarlyWarningEvent => {
  const { end } = command.data;
  if (state.status === 'None')
    throw new NotFoundError('The warning does not exist. / 该预警不存在。');
  if (state.status !== 'Open')
    throw new IllegalStateError('The warning is resolved. / 该预警已解除。', 'WARNING_RESOLVED');
  if (state.orgUnitId !== end.unionId)
    throw new IllegalStateError(
      'The warning was not raised by the union that ended. / 该预警不属于该工会。',
      'NOT_OF_UNION',
    );
  const { warningId, level } = state;
  if (end.kind === 'merged')
    return {
      type: 'EarlyWarningHandedOver',
      data: { warningId, fromUnitId: end.unionId, toUnitId: end.into.id, on: end.on, level },
    };

  return {
    type: 'EarlyWarningKeptByFederation',
    data: { warningId, unitId: end.unionId, keeperId: end.federationId, on: end.on, level },
  };
};

// No number of the rules applies to a warning yet (no clock); it runs under them like the rest.
export const decide = (
  command: UnderRules<WarningCommand>,
  state: EarlyWarning,
): EarlyWarningEvent => {
  switch (command.type) {
    case 'RaiseWarning':
      return raiseWarning(command, state);
    case 'FollowUpWarning':
      return followUp(command, state);
    case 'ChangeWarningLevel':
      return changeLevel(command, state);
    case 'ResolveWarning':
      return resolve(command, state);
    case 'ActOnUnionEnd':
      return actOnUnionEnd(command, state);
    default:
      return unknownCommand(command);
  }
};

export const warningDecider: Decider<
  EarlyWarning,
  UnderRules<WarningCommand>,
  EarlyWarningEvent
> = { decide, evolve, initialState };
