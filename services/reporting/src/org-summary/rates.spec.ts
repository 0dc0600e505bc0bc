import { rate, summaryRates, workforcePartRates } from './rates';

describe('summary rates', () => {
  it('rounds to four decimals and has no rate without a denominator', () => {
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 5)).toBe(0);
    expect(rate(5, 0)).toBeNull();
  });

  it('divides members by the workforce of unionised employers and by all workforce', () => {
    expect(
      summaryRates({
        members: 90,
        employers: 4,
        coveredEmployers: 1,
        workforce: 400,
        workforceOfUnionisedEmployers: 120,
      }),
    ).toEqual({
      unionisationRate: 0.25,
      membershipRateOfUnionised: 0.75,
      membershipRateOfAll: 0.225,
    });
    expect(
      summaryRates({
        members: 0,
        employers: 0,
        coveredEmployers: 0,
        workforce: 0,
        workforceOfUnionisedEmployers: 0,
      }),
    ).toEqual({
      unionisationRate: null,
      membershipRateOfUnionised: null,
      membershipRateOfAll: null,
    });
  });

  it('divides each part of the members by the same part of the registry’s workforce', () => {
    expect(
      workforcePartRates({
        femaleMembers: 30,
        migrantMembers: 5,
        newFormMembers: 0,
        femaleWorkforce: 40,
        migrantWorkforce: 20,
        newFormWorkforce: 0,
      }),
    ).toEqual({
      femaleMembershipRate: 0.75,
      migrantMembershipRate: 0.25,
      newFormMembershipRate: null,
    });
  });
});
