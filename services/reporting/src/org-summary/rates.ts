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

/**
 * The 入会率 of the workforce's parts (DESIGN §6), each over that part of the workforce of every
 * employer in the registry: 女职工入会率, 农民工入会率, 新就业形态劳动者入会率. Members recorded
 * before the migrant flag and employment form were kept count in neither part.
 */
export const workforcePartRates = (figures: {
  femaleMembers: number;
  migrantMembers: number;
  newFormMembers: number;
  femaleWorkforce: number;
  migrantWorkforce: number;
  newFormWorkforce: number;
}) => ({
  femaleMembershipRate: rate(figures.femaleMembers, figures.femaleWorkforce),
  migrantMembershipRate: rate(figures.migrantMembers, figures.migrantWorkforce),
  newFormMembershipRate: rate(figures.newFormMembers, figures.newFormWorkforce),
});
