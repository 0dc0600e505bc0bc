import fc from 'fast-check';

import { maskBirthDate, maskPhoneNumber, normalisePhoneNumber } from '../shared/phone-number';
import { idCardCheckCharacter, maskIdCardNumber, parseIdCardNumber } from './id-card-number';

// The sample number of GB 11643-1999 itself, and a Shenyang one.
const STANDARD_SAMPLE = '11010519491231002X';
const SHENYANG = '210102198503120025';

const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((d) => d.join(''));
const validNumber = fc
  .record({
    region: digits(4).map((rest) => `21${rest}`),
    born: fc.date({
      min: new Date('1940-01-01'),
      max: new Date('2010-12-31'),
      noInvalidDate: true,
    }),
    sequence: digits(3),
  })
  .map(({ region, born, sequence }) => {
    const first17 = `${region}${born.toISOString().slice(0, 10).replace(/-/g, '')}${sequence}`;

    return `${first17}${idCardCheckCharacter(first17)}`;
  });

describe('ID card numbers (GB 11643)', () => {
  it('reads the birth date and the gender of the standard’s sample', () => {
    expect(parseIdCardNumber(STANDARD_SAMPLE)).toEqual({
      ok: true,
      facts: { normalised: STANDARD_SAMPLE, birthDate: '1949-12-31', gender: 'female' },
    });
    expect(parseIdCardNumber(SHENYANG)).toMatchObject({
      ok: true,
      facts: { birthDate: '1985-03-12', gender: 'female' },
    });
  });

  it('accepts the number as people type it: a lower-case x, spaces, full-width digits', () => {
    expect(parseIdCardNumber(' 110105 19491231 002x ')).toMatchObject({
      ok: true,
      facts: { normalised: STANDARD_SAMPLE },
    });
    expect(parseIdCardNumber('２１０１０２１９８５０３１２００２５')).toMatchObject({
      ok: true,
      facts: { normalised: SHENYANG },
    });
  });

  it.each([
    ['too short', '21010219850312002', 'format'],
    ['letters inside', '2101021985O3120025', 'format'],
    ['an unknown province', '990102198503120025', 'region'],
    ['30 February', '210102198502300021', 'birth_date'],
    ['a wrong check digit', '210102198503120026', 'check_digit'],
  ])('refuses %s', (_, number, problem) => {
    expect(parseIdCardNumber(number)).toEqual({ ok: false, problem });
  });

  it('catches every single mistyped digit (MOD 11-2)', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (number, at, shift) => {
          const changed = `${number.slice(0, at)}${(Number(number[at]) + shift) % 10}${number.slice(at + 1)}`;
          const parsed = parseIdCardNumber(changed);

          expect(parsed.ok).toBe(false);
        },
      ),
    );
  });

  it('accepts every well-formed number and reads its gender from the 17th digit', () => {
    fc.assert(
      fc.property(validNumber, (number) => {
        const parsed = parseIdCardNumber(number);
        expect(parsed).toMatchObject({
          ok: true,
          facts: { gender: Number(number[16]) % 2 === 1 ? 'male' : 'female' },
        });
      }),
    );
  });

  it('masks all but the region and the last four', () => {
    expect(maskIdCardNumber(SHENYANG)).toBe('2101**********0025');
  });
});

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['12812345678', null],
    ['024-23456789', null],
  ])('reads %s as %s', (raw, expected) => {
    expect(normalisePhoneNumber(raw)).toBe(expected);
  });

  it('masks the middle four digits, and a birth date to its year', () => {
    expect(maskPhoneNumber('13812345678')).toBe('138****5678');
    expect(maskBirthDate('1985-03-12')).toBe('1985-**-**');
  });
});
