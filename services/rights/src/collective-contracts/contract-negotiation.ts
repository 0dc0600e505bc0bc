import type { ContractEvent, Negotiator } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { appliedRuleSet } from '@taizhang/rules';

import type { HoldRound, VoteDraft } from './contract.commands';
import type { CollectiveContract } from './contract.state';
import { atLeast, atStage, existing, moreThan, notBefore } from './contract-steps';

const checkSide = (side: Negotiator[], en: string, zh: string, bounds: { min: number; max: number }) => {
  if (side.length < bounds.min || side.length > bounds.max)
    throw new IllegalStateError(
      {
        en: `The ${en} side has ${side.length} representatives: ${bounds.min} to ${bounds.max} are needed.`,
        zh: `${zh}协商代表${side.length}人，应为${bounds.min}至${bounds.max}人。`,
      },
      'REPRESENTATIVES_OUT_OF_RANGE',
      { side: en, count: side.length, ...bounds },
    );
  if (side.filter((negotiator) => negotiator.chief).length !== 1)
    throw new IllegalStateError(
      {
        en: `The ${en} side needs exactly one chief representative.`,
        zh: `${zh}应有且只有一名首席代表。`,
      },
      'ONE_CHIEF_EACH_SIDE',
    );
  if (new Set(side.map((negotiator) => negotiator.name)).size !== side.length)
    throw new IllegalStateError(
      { en: `A ${en} representative is named twice.`, zh: `${zh}协商代表重复。` },
      'DUPLICATE_REPRESENTATIVE',
    );
};

/** 协商 (集体合同规定 §19–§20): after the answer, equal sides within the rule's bounds, a chief each. */
export const holdRound = (
  command: UnderRules<HoldRound>,
  current: CollectiveContract,
): ContractEvent => {
  const state = existing(current);
  const { heldOn, unionRepresentatives, employerRepresentatives, notes } = command.data;
  if (state.answeredOn === null)
    throw new IllegalStateError(
      'Negotiation begins after the written answer. / 书面回应后方可开始协商。',
      'NOT_ANSWERED',
    );
  atStage(state, ['Answered', 'Negotiating', 'Objected'], 'NOT_NEGOTIABLE', {
    en: 'A round of negotiation',
    zh: '进行协商',
  });
  notInFuture(heldOn, command.metadata.now, 'round date', '协商日期');
  notBefore(heldOn, state.answeredOn, 'round date', '协商日期');
  notBefore(heldOn, state.rounds.at(-1)?.heldOn ?? null, 'round date', '协商日期');
  notBefore(heldOn, state.votes.at(-1)?.votedOn ?? null, 'round date', '协商日期');
  const bounds = command.rules.values.collectiveContract.representativesPerSide;
  checkSide(unionRepresentatives, 'union', '工会方', bounds);
  checkSide(employerRepresentatives, 'employer', '用人单位方', bounds);
  if (unionRepresentatives.length !== employerRepresentatives.length)
    throw new IllegalStateError(
      {
        en: `The sides are unequal: ${unionRepresentatives.length} for the union, ${employerRepresentatives.length} for the employer.`,
        zh: `双方协商代表人数应当对等（工会方${unionRepresentatives.length}人，用人单位方${employerRepresentatives.length}人）。`,
      },
      'UNEQUAL_SIDES',
    );

  return {
    type: 'ContractNegotiationRoundHeld',
    data: {
      contractId: state.contractId,
      unionId: state.unionId,
      round: state.rounds.length + 1,
      heldOn,
      unionRepresentatives,
      employerRepresentatives,
      notes,
      ruleSet: appliedRuleSet(command.rules),
    },
  };
};

/**
 * 职代会审议 (§36): valid with the rule's share of delegates present, passed with more than the
 * rule's share of ALL delegates for; a failed draft is recorded and goes back to negotiation, and
 * a draft the labour bureau objected to is voted again.
 */
export const voteDraft = (
  command: UnderRules<VoteDraft>,
  current: CollectiveContract,
): ContractEvent => {
  const state = existing(current);
  const { votedOn, delegatesTotal, delegatesPresent, votesFor, termYears } = command.data;
  atStage(state, ['Negotiating', 'Objected'], 'NOT_NEGOTIATED', {
    en: 'A vote on the draft',
    zh: '提交职代会审议',
  });
  if (state.status === 'Negotiating' && state.roundsSinceVote === 0)
    throw new IllegalStateError(
      'The draft failed: negotiate again before another vote. / 草案未获通过，应重新协商后再提交审议。',
      'ROUND_REQUIRED',
    );
  notInFuture(votedOn, command.metadata.now, 'vote date', '审议日期');
  notBefore(votedOn, state.rounds.at(-1)?.heldOn ?? null, 'vote date', '审议日期');
  notBefore(votedOn, state.objections.at(-1)?.receivedOn ?? null, 'vote date', '审议日期');
  if (delegatesPresent > delegatesTotal)
    throw new IllegalStateError(
      'More delegates present than delegates in all. / 到会代表人数超过代表总数。',
      'PRESENT_EXCEEDS_TOTAL',
    );
  if (votesFor > delegatesPresent)
    throw new IllegalStateError(
      'More votes for than delegates present. / 赞成票数超过到会代表人数。',
      'VOTES_EXCEED_PRESENT',
    );
  const rules = command.rules.values.collectiveContract;
  if (!atLeast(delegatesPresent, rules.congressQuorum, delegatesTotal))
    throw new IllegalStateError(
      {
        en: `Only ${delegatesPresent} of ${delegatesTotal} delegates present: the vote needs ${rules.congressQuorum.numerator}/${rules.congressQuorum.denominator}.`,
        zh: `到会代表${delegatesPresent}人，不足代表总数${delegatesTotal}人的${rules.congressQuorum.numerator}/${rules.congressQuorum.denominator}，审议无效。`,
      },
      'CONGRESS_QUORUM_NOT_MET',
      { delegatesTotal, delegatesPresent, quorum: rules.congressQuorum },
    );
  if (termYears < rules.termYears.min || termYears > rules.termYears.max)
    throw new IllegalStateError(
      {
        en: `A term of ${termYears} years: ${rules.termYears.min} to ${rules.termYears.max} years.`,
        zh: `集体合同期限为${rules.termYears.min}至${rules.termYears.max}年，不能为${termYears}年。`,
      },
      'TERM_OUT_OF_RANGE',
      { termYears, ...rules.termYears },
    );

  return {
    type: 'ContractDraftVoted',
    data: {
      contractId: state.contractId,
      unionId: state.unionId,
      ...command.data,
      // More than the share of ALL delegates, not of those present.
      passed: moreThan(votesFor, rules.approvalMoreThan, delegatesTotal),
      ruleSet: appliedRuleSet(command.rules),
    },
  };
};
