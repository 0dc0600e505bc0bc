import type { AppliedRuleSet, RuleValues } from '@taizhang/contracts';

import type { RuleSets, RuleSetVersion } from './rule-sets.state';
import { FIRST_VERSION, NATIONAL_REGION, versionsOf } from './rule-sets.state';

/** The rules a decision applies: which rule set and version, and its values. */
export interface RulesInForce extends AppliedRuleSet {
  values: RuleValues;
}

/** The national defaults, version 1: what a unit outside every amended region is judged by. */
export const NATIONAL_RULES_IN_FORCE: RulesInForce = {
  region: NATIONAL_REGION,
  version: FIRST_VERSION.version,
  values: FIRST_VERSION.values,
};

/**
 * The region whose rules hold for an org unit: the deepest amended region above it (or the unit
 * itself), else the national defaults. A region's rule set is whole: it does not inherit from a
 * region above it.
 */
// Whole segments: region `c/d1` does not cover `c/d10/u`.
const covers = (region: string, orgPath: string): boolean =>
  orgPath === region || orgPath.startsWith(`${region}/`);

export const regionOf = (ruleSets: RuleSets, orgPath: string | null): string =>
  Object.keys(ruleSets.regions)
    .filter((region) => orgPath !== null && covers(region, orgPath))
    .sort((a, b) => b.split('/').length - a.split('/').length)[0] ?? NATIONAL_REGION;

/** The version of one region in force on a business date (YYYY-MM-DD). */
export const versionInForce = (versions: readonly RuleSetVersion[], date: string): RuleSetVersion =>
  versions.findLast((version) => version.effectiveFrom === null || version.effectiveFrom <= date) ??
  versions[0]!;

/**
 * 法定时限 as they were: the rules in force for the unit at `orgPath` on business date `date`, so
 * that a command dated in the past is decided under the rules of its own day.
 */
export const rulesInForce = (
  ruleSets: RuleSets,
  orgPath: string | null,
  date: string,
): RulesInForce => {
  const region = regionOf(ruleSets, orgPath);
  const { version, values } = versionInForce(versionsOf(ruleSets, region), date);

  return { region, version, values };
};

/**
 * What a decision records of the rules it applied, in its event's data (`ruleSet`), so that a
 * replay or an auditor knows which version judged it. An event recorded before rule sets were
 * versioned has none: it was decided under the national defaults, version 1.
 */
export const appliedRuleSet = ({ region, version }: RulesInForce): AppliedRuleSet => ({
  region,
  version,
});
