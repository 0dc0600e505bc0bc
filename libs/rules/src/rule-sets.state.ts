import type { RuleChanges, RuleValues } from '@taizhang/contracts';

import { NATIONAL_RULES } from './national-rules';

/** One version of a region's rule set: whole values, in force from a business date. */
export interface RuleSetVersion {
  version: number;
  /** The first business date it holds; null for version 1, in force from the beginning. */
  effectiveFrom: string | null;
  values: RuleValues;
  /** What the amendment changed and why (absent for version 1, the national defaults). */
  changes?: RuleChanges;
  reason?: string;
}

/** Every region's versions, oldest first; a region not named yet has only version 1. */
export interface RuleSets {
  regions: Readonly<Record<string, readonly RuleSetVersion[]>>;
}

/** The region of the national defaults: never amended, the fallback of every unit. */
export const NATIONAL_REGION = 'national';

/** Version 1 of every region: the national defaults, in force from the beginning. */
export const FIRST_VERSION: RuleSetVersion = {
  version: 1,
  effectiveFrom: null,
  values: NATIONAL_RULES,
};

/** A region's versions, oldest first (version 1 alone for a region never amended). */
export const versionsOf = (ruleSets: RuleSets, region: string): readonly RuleSetVersion[] =>
  ruleSets.regions[region] ?? [FIRST_VERSION];
