import { normalisePublicPhone } from './public-phone';

describe('a cadre’s public phone (三亮)', () => {
  it.each([
    ['138 0400 1122', '13804001122'],
    ['+86 138-0400-1122', '13804001122'],
    ['024-23456789', '024-23456789'],
    ['(024) 2345 6789', '024-23456789'],
    ['02423456789', '024-23456789'],
    ['0415-2345678转123', '0415-2345678-123'],
    ['０２４－２３４５６７８９', '024-23456789'],
  ])('writes %s as %s', (raw, written) => expect(normalisePublicPhone(raw)).toBe(written));

  it.each(['12345', '23456789', '024-1234567', '1380400112', 'abc'])('refuses %s', (raw) =>
    expect(normalisePublicPhone(raw)).toBeNull(),
  );
});
