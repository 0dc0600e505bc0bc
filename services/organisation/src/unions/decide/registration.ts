import type { UnionRegistered } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError } from '@taizhang/event-store';
import type { UnderRules } from '@taizhang/rules';
import { appliedRuleSet } from '@taizhang/rules';

import type { ParentRef } from '../../org-units';
import { checkTermYears, termEndsOn } from '../committee-rules';
import type { RegisterUnion } from '../union.commands';
import type { Union } from '../union.state';
import { checkCoveredEmployers } from './covered-employers';

// A grassroots union sits under a street or district federation (组织体系).
export const checkParent = (parent: ParentRef | null): ParentRef => {
  if (!parent)
    throw new IllegalStateError(
      'The parent federation does not exist. / 上级工会不存在。',
      'PARENT_NOT_FOUND',
    );
  if (parent.kind !== 'street' && parent.kind !== 'district')
    throw new IllegalStateError(
      'A grassroots union is registered under a street or district federation. / 基层工会的上级必须是街道(乡镇)或区县工会。',
      'WRONG_PARENT_KIND',
      { parentKind: parent.kind },
    );

  return parent;
};
/**
 * The committee serving when a union is registered as it was (存量工会登记): elected on or after
 * the founding, not in the future, for a term the rules of its day allow (the command is dated
 * the election, so those are the rules handed in).
 */
const currentTermOf = (command: UnderRules<RegisterUnion>) => {
  const { currentTerm, establishedOn } = command.data;
  if (!currentTerm) return {};
  const { electedOn, termYears } = currentTerm;
  notInFuture(electedOn, command.metadata.now, 'election date', '选举日期');
  if (electedOn < establishedOn)
    throw new IllegalStateError(
      `The committee's election (${electedOn}) cannot precede the founding (${establishedOn}). / 本届委员会选举日期早于工会成立日期。`,
      'ELECTION_BEFORE_FOUNDING',
    );
  checkTermYears(command.rules, termYears);

  return {
    currentTerm: { electedOn, termYears, termEndsOn: termEndsOn(electedOn, termYears) },
    ruleSet: appliedRuleSet(command.rules),
  };
};

export const registerUnion = (
  command: UnderRules<RegisterUnion>,
  state: Union,
): UnionRegistered => {
  const { unionId, name, establishedOn, employerIds = [] } = command.data;
  if (state.status !== 'None')
    throw new IllegalStateError(`Union ${unionId} is already registered.`, 'UNION_EXISTS');
  const parent = checkParent(command.data.parent);
  notInFuture(establishedOn, command.metadata.now, 'founding date', '成立日期');
  checkCoveredEmployers(employerIds, command.data.employers ?? [], parent);

  return {
    type: 'UnionRegistered',
    data: {
      unionId,
      name,
      parentId: parent.id,
      establishedOn,
      orgPath: `${parent.orgPath}/${unionId}`,
      ...(employerIds.length > 0 ? { employerIds } : {}),
      ...currentTermOf(command),
      ...(command.data.unionType ? { unionType: command.data.unionType } : {}),
    },
  };
};
