import type { CongressEvent, RuleValues } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import type { Decider } from '@taizhang/event-store';
import { IllegalStateError, NotFoundError, unknownCommand } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { appliedRuleSet } from '@taizhang/rules';

import type { CongressCommand, HoldCongress, VoteResolution } from './congress.commands';
import type { Congress } from './congress.state';
import { initialState } from './congress.state';

export { initialState };
export type { Congress };

type Share = RuleValues['workersCongress']['quorum'];

/** `count` reaches `share` of `whole` (≥ 2/3 present, say), in whole numbers. */
const atLeast = (count: number, share: Share, whole: number): boolean =>
  count * share.denominator >= share.numerator * whole;
/** `count` is more than `share` of `whole` (> 1/2 of all delegates for). */
const moreThan = (count: number, share: Share, whole: number): boolean =>
  count * share.denominator > share.numerator * whole;

export const evolve = (state: Congress, event: CongressEvent): Congress => {
  switch (event.type) {
    case 'CongressHeld': {
      const { ruleSet: _ruleSet, ...data } = event.data;

      return { status: 'Held', ...data, resolutions: [] };
    }
    case 'CongressResolutionVoted': {
      if (state.status === 'None') return state;
      const { resolutionId, title, votesFor, passed } = event.data;

      return {
        ...state,
        resolutions: [...state.resolutions, { resolutionId, title, votesFor, passed }],
      };
    }
    default:
      return state;
  }
};

const holdCongress = (command: UnderRules<HoldCongress>, state: Congress): CongressEvent => {
  const { congressId, union, kind, heldOn, delegatesEntitled, delegatesPresent } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(
      'The session is already recorded. / 该次会议已登记。',
      'CONGRESS_EXISTS',
    );
  notInFuture(heldOn, command.metadata.now, 'session date', '会议日期');
  if (union.ended)
    throw new IllegalStateError(
      'The union has been dissolved or merged and records nothing more. / 该工会已撤销或合并，不再登记新的事项。',
      'UNION_ENDED',
    );
  if (delegatesPresent > delegatesEntitled)
    throw new IllegalStateError(
      'More delegates present than entitled. / 到会代表人数超过应到人数。',
      'PRESENT_EXCEEDS_ENTITLED',
    );
  const { quorum } = command.rules.values.workersCongress;
  // 企业民主管理规定: a session is valid with at least two thirds of the delegates present.
  if (!atLeast(delegatesPresent, quorum, delegatesEntitled))
    throw new IllegalStateError(
      {
        en: `Only ${delegatesPresent} of ${delegatesEntitled} delegates present: a session needs ${quorum.numerator}/${quorum.denominator}.`,
        zh: `到会代表${delegatesPresent}人，不足应到${delegatesEntitled}人的${quorum.numerator}/${quorum.denominator}，会议无效。`,
      },
      'CONGRESS_QUORUM_NOT_MET',
      { delegatesEntitled, delegatesPresent, quorum },
    );

  return {
    type: 'CongressHeld',
    data: {
      congressId,
      unionId: union.id,
      kind,
      heldOn,
      delegatesEntitled,
      delegatesPresent,
      ruleSet: appliedRuleSet(command.rules),
    },
  };
};

const voteResolution = (command: UnderRules<VoteResolution>, state: Congress): CongressEvent => {
  if (state.status === 'None')
    throw new NotFoundError('The session does not exist. / 该次会议不存在。');
  const { resolutionId, title, votesFor } = command.data;
  if (votesFor > state.delegatesPresent)
    throw new IllegalStateError(
      'More votes for than delegates present. / 赞成票数超过到会代表人数。',
      'VOTES_EXCEED_PRESENT',
    );
  const { decisionMoreThan } = command.rules.values.workersCongress;

  return {
    type: 'CongressResolutionVoted',
    data: {
      congressId: state.congressId,
      unionId: state.unionId,
      resolutionId,
      title,
      votesFor,
      delegatesEntitled: state.delegatesEntitled,
      // A decision needs more than half of all delegates, not of those present.
      passed: moreThan(votesFor, decisionMoreThan, state.delegatesEntitled),
      ruleSet: appliedRuleSet(command.rules),
    },
  };
};

export const decide = (command: UnderRules<CongressCommand>, state: Congress): CongressEvent => {
  switch (command.type) {
    case 'HoldCongress':
      return holdCongress(command, state);
    case 'VoteResolution':
      return voteResolution(command, state);
    default:
      return unknownCommand(command);
  }
};

export const congressDecider: Decider<Congress, UnderRules<CongressCommand>, CongressEvent> = {
  decide,
  evolve,
  initialState,
};
