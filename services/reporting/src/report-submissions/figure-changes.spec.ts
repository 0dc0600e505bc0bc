import { figureChanges, frozenFigures } from './figure-changes';

describe('figureChanges (what changed since a report was frozen)', () => {
  it('lists only the figures that differ, with then, now and the difference', () => {
    expect(
      figureChanges(
        { unions: 3, members: 120, femaleMembers: 40, unionisationRate: 0.75 },
        { orgUnitId: 's1', unions: 3, members: 125, femaleMembers: 38, unionisationRate: 0.8 },
      ),
    ).toEqual([
      { figure: 'members', then: 120, now: 125, change: 5 },
      { figure: 'femaleMembers', then: 40, now: 38, change: -2 },
      { figure: 'unionisationRate', then: 0.75, now: 0.8, change: 0.05 },
    ]);
  });

  it('says a rate that gained or lost its denominator, without a difference', () => {
    expect(
      figureChanges(
        { membershipRateOfAll: null, mediationSuccessRate: 0.5 },
        { membershipRateOfAll: 0.1, mediationSuccessRate: null },
      ),
    ).toEqual([
      { figure: 'membershipRateOfAll', then: null, now: 0.1, change: null },
      { figure: 'mediationSuccessRate', then: 0.5, now: null, change: null },
    ]);
  });

  it('is empty when nothing came late', () => {
    expect(figureChanges({ members: 3, rate: null }, { members: 3, rate: null })).toEqual([]);
  });
});

describe('frozenFigures (what a report freezes of a summary)', () => {
  it('keeps every count and rate, a figure by kind as one figure per kind, and no text', () => {
    expect(
      frozenFigures({
        orgUnitId: 's1',
        members: 120,
        mediationSuccessRate: null,
        contractsInForceByKind: { wage: 3, women: 0 },
        lateChanges: [{ figure: 'members' }],
      }),
    ).toEqual({
      members: 120,
      mediationSuccessRate: null,
      'contractsInForceByKind.wage': 3,
      'contractsInForceByKind.women': 0,
    });
  });

  it('compares a figure by kind with the same kind now', () => {
    expect(
      figureChanges({ 'contractsInForceByKind.wage': 3 }, { contractsInForceByKind: { wage: 4 } }),
    ).toEqual([{ figure: 'contractsInForceByKind.wage', then: 3, now: 4, change: 1 }]);
  });
});
