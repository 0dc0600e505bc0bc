import type { EventEnvelope } from '@taizhang/contracts';

import { contractFigureDeltas } from './contract-figures';

const envelope = (type: string, data: object): EventEnvelope =>
  ({ type, orgUnitId: 'u1', data }) as unknown as EventEnvelope;
const effective = (kind: string, wageIncreasePercent: number | null) =>
  envelope('ContractDeemedEffective', {
    contractId: 'c1',
    unionId: 'u1',
    kind,
    effectiveOn: '2026-04-25',
    expiresOn: '2028-04-25',
    renewalWindowOpensOn: '2028-01-25',
    workforceCovered: 1200,
    wageIncreasePercent,
    ruleSet: { region: 'national', version: 1 },
  });

describe('contract figures (集体合同 in force)', () => {
  it('counts a wage contract from its effective day to its expiry day, with its increase', () =>
    expect(contractFigureDeltas(effective('wage', 5.55))).toEqual([
      {
        unitId: 'u1',
        day: '2026-04-25',
        figures: {
          contracts_in_force: 1,
          wage_in_force: 1,
          workforce_covered: 1200,
          wage_increases: 1,
          wage_increase_hundredths: 555,
        },
      },
      {
        unitId: 'u1',
        day: '2028-04-25',
        figures: {
          contracts_in_force: -1,
          wage_in_force: -1,
          workforce_covered: -1200,
          wage_increases: -1,
          wage_increase_hundredths: -555,
        },
      },
    ]));

  it('leaves the increase out of other kinds and of a wage contract without one', () => {
    expect(contractFigureDeltas(effective('women', 3))[0]!.figures).toEqual({
      contracts_in_force: 1,
      women_in_force: 1,
      workforce_covered: 1200,
    });
    expect(contractFigureDeltas(effective('wage', null))[0]!.figures).toEqual({
      contracts_in_force: 1,
      wage_in_force: 1,
      workforce_covered: 1200,
    });
  });

  it('counts nothing for the other steps of a contract', () =>
    expect(
      contractFigureDeltas(envelope('ContractFiled', { contractId: 'c1', unionId: 'u1' })),
    ).toEqual([]));
});
