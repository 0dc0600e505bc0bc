import type { CellValue } from '@taizhang/sheets';

import { parseEmployerRow } from './employer-row.parser';

const cells = (overrides: Record<string, CellValue> = {}) => ({
  creditCode: '91350100M000100Y43',
  name: '沈阳机床（集团）有限责任公司 ',
  kind: '企业',
  street: '210102001',
  headcount: 120,
  femaleHeadcount: '50',
  migrantHeadcount: 0,
  newFormHeadcount: ' 4 ',
  address: null,
  legalRepresentative: null,
  registeredCapital: null,
  ...overrides,
});
const codesOf = (parsed: ReturnType<typeof parseEmployerRow>) =>
  'breaches' in parsed ? parsed.breaches.map((breach) => breach.code) : [];

describe('an employer sheet row', () => {
  it('becomes typed values: counts from numbers or digits, the name exactly as typed', () =>
    expect(parseEmployerRow(cells())).toEqual({
      row: {
        creditCode: '91350100M000100Y43',
        name: '沈阳机床（集团）有限责任公司 ',
        kind: 'enterprise',
        street: '210102001',
        headcount: 120,
        femaleHeadcount: 50,
        migrantHeadcount: 0,
        newFormHeadcount: 4,
      },
    }));

  it('reads the four registry labels and the finer social organisation ones', () => {
    const labels: [string, string][] = [
      ['事业单位', 'public_institution'],
      ['社会组织', 'social_organisation'],
      ['民办非企业单位', 'social_organisation'],
      ['其他', 'other'],
    ];
    for (const [label, kind] of labels)
      expect(parseEmployerRow(cells({ kind: label }))).toMatchObject({ row: { kind } });
  });

  it('lists every problem of its cells at once', () =>
    expect(
      codesOf(
        parseEmployerRow(
          cells({ name: null, kind: '个体户', headcount: '一百', femaleHeadcount: 2.5 }),
        ),
      ),
    ).toEqual([
      'MISSING_VALUE',
      'UNKNOWN_EMPLOYER_KIND',
      'NOT_A_WHOLE_NUMBER',
      'NOT_A_WHOLE_NUMBER',
    ]));

  it('refuses a credit code stored as a number, whose last digits are already lost', () =>
    expect(codesOf(parseEmployerRow(cells({ creditCode: 911100001000012300 })))).toEqual([
      'CELL_NOT_TEXT',
    ]));

  it('asks for 0 rather than an empty count', () => {
    const parsed = parseEmployerRow(cells({ newFormHeadcount: '' }));

    expect(parsed).toEqual({
      breaches: [
        expect.objectContaining({
          code: 'MISSING_VALUE',
          zh: '新就业形态劳动者人数未填写（没有请填0）。',
        }),
      ],
    });
  });

  describe('with the optional columns of a founding application (地址、法定代表人、注册资本)', () => {
    it('reads them when filled, the capital in yuan kept in fen, and leaves blank ones out', () => {
      expect(
        parseEmployerRow(
          cells({
            address: ' 沈阳市铁西区开发大路17甲1号 ',
            legalRepresentative: '王玉琦',
            registeredCapital: '1,550,000,000.50',
          }),
        ),
      ).toMatchObject({
        row: {
          address: '沈阳市铁西区开发大路17甲1号',
          legalRepresentative: '王玉琦',
          registeredCapital: 155_000_000_050,
        },
      });
      expect(parseEmployerRow(cells({ registeredCapital: 5000000 }))).toMatchObject({
        row: { registeredCapital: 500_000_000 },
      });
      expect(parseEmployerRow(cells({ address: '  ' }))).not.toHaveProperty('row.address');
    });

    it('refuses a capital that is not an amount in yuan with at most two decimals', () => {
      for (const registeredCapital of ['五百万', '12.345', '-5', 0.001])
        expect(codesOf(parseEmployerRow(cells({ registeredCapital })))).toEqual([
          'INVALID_REGISTERED_CAPITAL',
        ]);
    });
  });
});
