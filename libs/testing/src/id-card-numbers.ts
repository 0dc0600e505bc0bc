// GB 11643-1999, written here once more on purpose: tests check the service against an
// implementation of their own.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

const checkCharacter = (first17: string): string =>
  '10X98765432'[[...first17].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i]!, 0) % 11]!;

const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A valid 居民身份证号码 for test person `n` (0, 1, 2, …; each `n` gives another number): region
 * 210102 (沈阳市和平区) unless given, the birth date and gender asked for (by default one born
 * on or after 1980-01-01 and a woman).
 */
export const testIdCardNumber = (
  n: number,
  options: { birthDate?: string; gender?: 'female' | 'male'; region?: string } = {},
): string => {
  const birthDate = options.birthDate ?? addDays('1980-01-01', Math.floor(n / 500));
  const sequence = (n % 500) * 2 + (options.gender === 'male' ? 1 : 0);
  const first17 = `${options.region ?? '210102'}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;

  return `${first17}${checkCharacter(first17)}`;
};
