import { isoDate, text } from './text.schema';

describe('text', () => {
  const name = text(10);

  it('keeps Chinese and surrounding spaces exactly as sent', () =>
    expect(name.parse(' 王秀英 ')).toBe(' 王秀英 '));

  it.each([
    ['blank', '   '],
    ['too long', '一二三四五六七八九十十'],
    ['a control character', '王\u0007秀英'],
    ['a lone surrogate', '王\ud800'],
  ])('refuses %s', (_, value) => expect(name.safeParse(value).success).toBe(false));

  it('takes a four-byte character (a surrogate pair) whole', () =>
    expect(name.safeParse('𠮷野家').success).toBe(true));
});

describe('isoDate', () => {
  it('takes YYYY-MM-DD only', () => {
    expect(isoDate().safeParse('2024-02-29').success).toBe(true);
    expect(isoDate().safeParse('2024-2-9').success).toBe(false);
    expect(isoDate().safeParse('2023-02-29').success).toBe(false);
  });
});
