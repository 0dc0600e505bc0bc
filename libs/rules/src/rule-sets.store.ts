import type { CommandResult, PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, handleCommand } from '@taizhang/event-store';

import type { AmendRuleSet } from './rule-sets.decider';
import { RULE_SETS_STREAM, ruleSetsDecider } from './rule-sets.decider';
import type { RuleSets } from './rule-sets.state';
import type { RulesInForce } from './rules-in-force';
import { rulesInForce } from './rules-in-force';

/** Every region's rule set as the service's own store holds it (one small stream). */
export const readRuleSets = async (store: PostgresEventStore): Promise<RuleSets> =>
  (await aggregateStream(store, RULE_SETS_STREAM, ruleSetsDecider)).state;

/** The rules in force for the unit at `orgPath` on business date `date`, read from the store. */
export const readRulesInForce = async (
  store: PostgresEventStore,
  orgPath: string | null,
  date: string,
): Promise<RulesInForce> => rulesInForce(await readRuleSets(store), orgPath, date);

/** Records an amendment in the rule-set stream; it concerns the region's federation. */
export const recordAmendment = (
  store: PostgresEventStore,
  command: AmendRuleSet,
): Promise<CommandResult> => {
  const { region } = command.data;

  return handleCommand(store, {
    streamId: RULE_SETS_STREAM,
    streamType: 'rule-set',
    decider: ruleSetsDecider,
    command,
    orgUnit: { id: region.split('/').pop()!, path: region },
    id: region,
  });
};
