import type { RuleChanges, RuleSetAmended, RuleValues } from '@taizhang/contracts';
import { RuleValuesSchema } from '@taizhang/contracts';
import type { Command, Decider } from '@taizhang/event-store';
import { ConcurrencyError, IllegalStateError } from '@taizhang/event-store';

import type { RuleSets } from './rule-sets.state';
import { NATIONAL_REGION, versionsOf } from './rule-sets.state';

/** An admin's amendment: `version` is the region's next version, `effectiveFrom` a business date. */
export type AmendRuleSet = Command<'AmendRuleSet', RuleSetAmended['data']>;

export const RULE_SETS_STREAM = 'rule-sets';

export const initialState = (): RuleSets => ({ regions: {} });

/** The values after an amendment: each named key of each named group replaced whole. */
export const applyChanges = (values: RuleValues, changes: RuleChanges): RuleValues => {
  const next: Record<string, unknown> = { ...values };
  for (const [group, changed] of Object.entries(changes))
    next[group] = { ...(values as Record<string, object>)[group], ...changed };

  return next as RuleValues;
};

export const evolve = (state: RuleSets, event: RuleSetAmended): RuleSets => {
  const { region, version, effectiveFrom, changes, reason } = event.data;
  const versions = versionsOf(state, region);
  const values = applyChanges(versions[versions.length - 1]!.values, changes);

  return {
    regions: {
      ...state.regions,
      [region]: [...versions, { version, effectiveFrom, values, changes, reason }],
    },
  };
};

/**
 * A region's next version: it follows the last one (409 for a caller who saw an older one), holds
 * from no earlier than the last, and leaves every value valid together (422).
 */
export const amendRuleSet = (command: AmendRuleSet, state: RuleSets): RuleSetAmended => {
  const { region, version, effectiveFrom, changes } = command.data;
  if (region === NATIONAL_REGION)
    throw new IllegalStateError(
      'The national defaults change with a release of the platform; amend a region (the org path of its federation). / 全国默认规则随版本发布修改，请修改地区规则。',
      'NATIONAL_RULES_FIXED',
    );
  const versions = versionsOf(state, region);
  const last = versions[versions.length - 1]!;
  if (version !== last.version + 1)
    throw new ConcurrencyError(`${RULE_SETS_STREAM}/${region}`, version - 1, last.version);
  if (last.effectiveFrom !== null && effectiveFrom < last.effectiveFrom)
    throw new IllegalStateError(
      `Version ${version} cannot hold from before version ${last.version} (${last.effectiveFrom}). / 生效日期早于上一版本的生效日期。`,
      'EFFECTIVE_BEFORE_PREVIOUS_VERSION',
      { previousEffectiveFrom: last.effectiveFrom },
    );
  const checked = RuleValuesSchema.safeParse(applyChanges(last.values, changes));
  if (!checked.success)
    throw new IllegalStateError(
      `The amended rules are not valid together: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}. / 修改后的规则不成立。`,
      'INVALID_RULE_VALUES',
    );

  return { type: 'RuleSetAmended', data: command.data };
};

export const decide = (command: AmendRuleSet, state: RuleSets): RuleSetAmended =>
  amendRuleSet(command, state);

export const ruleSetsDecider: Decider<RuleSets, AmendRuleSet, RuleSetAmended> = {
  decide,
  evolve,
  initialState,
};
