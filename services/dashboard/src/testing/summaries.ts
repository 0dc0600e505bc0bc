import type { ChildSummary, Summary } from '../api/reports';

/** A summary with every figure, overridable: what reporting answers for a unit. */
export const summaryOf = (figures: Partial<Summary> = {}): Summary => ({
  orgUnitId: 'unit-1',
  unions: 12,
  employers: 40,
  coveredEmployers: 30,
  unionisationRate: 0.75,
  workforce: 12_345,
  workforceOfUnionisedEmployers: 10_000,
  members: 8_534,
  femaleMembers: 4_000,
  migrantMembers: 1_200,
  newFormMembers: 300,
  membershipRateOfUnionised: 0.8534,
  membershipRateOfAll: 0.6913,
  retainedMemberships: 7,
  termsExpired: 2,
  employerRegistry: {
    source: 'employer-registry',
    oldestHeadcountsAsOf: '2025-06-30',
    newestHeadcountsAsOf: '2026-01-05',
  },
  ...figures,
});

export const childOf = (n: number, figures: Partial<ChildSummary> = {}): ChildSummary => ({
  ...summaryOf({ orgUnitId: `child-${n}` }),
  name: `第${n}街道工会`,
  kind: 'street',
  ...figures,
});
