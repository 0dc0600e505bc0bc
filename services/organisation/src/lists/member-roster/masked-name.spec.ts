import { maskName } from './masked-name';

describe('maskName', () => {
  it('keeps the first and last character of a three-character name', () => {
    expect(maskName('张小三')).toBe('张*三');
  });

  it('stars every character between for longer names', () => {
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });

  it('keeps only the first character of a two-character name', () => {
    expect(maskName('王芳')).toBe('王*');
  });

  it('shows nothing of a one-character name', () => {
    expect(maskName('鑫')).toBe('*');
  });

  it('counts a character outside the BMP as one', () => {
    expect(maskName('𠮷野家')).toBe('𠮷*家');
  });
});
