/** A rate as a fraction with four decimals, or null when there is nothing to divide by. */
export const rate = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;

/** 建会率 and both forms of 入会率 (DESIGN §6), always labelled by what they divide. */
export const summaryRates = (figures: {
  members: number;
  employers: number;
  coveredEmployers: number;
  workforce: number;
  workforceOfUnionisedEmployers: number;
}) => ({
  unionisationRate: rate(figures.coveredEmployers, figures.employers),
  membershipRateOfUnionised: rate(figures.members, figures.workforceOfUnionisedEmployers),
  membershipRateOfAll: rate(figures.members, figures.workforce),
});
