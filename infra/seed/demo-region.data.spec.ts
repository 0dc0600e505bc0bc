import { testCreditCode } from '@taizhang/testing';

import { demoCreditCode } from './credit-code';
import { DEMO_DISTRICTS } from './demo-region.data';

describe('the demo region', () => {
  const streets = DEMO_DISTRICTS.flatMap((district) => district.streets);
  const employers = streets.flatMap((street) => street.employers);

  it('computes credit codes as the tests’ own GB 32100 implementation does', () => {
    for (const serial of [0, 1, 24311507, 99999999])
      for (const region of ['210100', '210102', '210103'])
        expect(demoCreditCode(serial, region)).toBe(testCreditCode(serial, region));
  });

  it('gives every employer its own valid credit code, from its district', () => {
    expect(new Set(employers.map((e) => e.creditCode)).size).toBe(employers.length);
    for (const district of DEMO_DISTRICTS)
      for (const { creditCode } of district.streets.flatMap((street) => street.employers)) {
        expect(creditCode).toMatch(/^[159][1-9]\d{6}\d{8}[\dX][0-9A-HJ-NPQRTUWXY]$/);
        expect(creditCode.slice(2, 8)).toBe(district.code);
        const [type, region, body] = [
          creditCode.slice(0, 2),
          creditCode.slice(2, 8),
          creditCode.slice(8, 16),
        ];
        expect(demoCreditCode(Number(body), region, type)).toBe(creditCode);
      }
  });

  it('gives every employer a workforce whose parts fit in its headcount', () => {
    for (const employer of employers) {
      expect(employer.headcount).toBeGreaterThan(0);
      for (const part of [
        employer.femaleHeadcount,
        employer.migrantHeadcount,
        employer.newFormHeadcount,
      ]) {
        expect(part).toBeGreaterThanOrEqual(0);
        expect(part).toBeLessThanOrEqual(employer.headcount);
      }
    }
  });

  it('has each union cover employers of its own street, each covered once, some by none', () => {
    const covered = streets.flatMap((street) =>
      street.unions.flatMap((union) => {
        for (const key of union.covers)
          expect(street.employers.map((employer) => employer.key)).toContain(key);

        return union.covers.map((key) => `${street.key}:${key}`);
      }),
    );

    expect(new Set(covered).size).toBe(covered.length);
    for (const union of streets.flatMap((street) => street.unions))
      expect(union.covers.length).toBeGreaterThan(0);
    expect(covered.length).toBeLessThan(employers.length);
  });
});
