// 居民身份证号码 (GB 11643-1999): 6-digit address code, birth date YYYYMMDD, 3-digit sequence
// (odd for men, even for women), and an ISO 7064 MOD 11-2 check character (0-9 or X).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

// Province-level codes of GB/T 2260, plus 71 Taiwan, 81 Hong Kong, 82 Macao and 83 (residence
// permits of Taiwan residents).
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

export type IdCardProblem = 'format' | 'region' | 'birth_date' | 'check_digit';

/** What an ID card number says about its holder. */
export interface IdCardFacts {
  /** The number as stored and indexed: 18 characters, upper-case X. */
  normalised: string;
  birthDate: string;
  gender: 'female' | 'male';
}

/** The check character of the first 17 digits. */
export const idCardCheckCharacter = (first17: string): string => {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);

  return CHECK_CHARACTERS[sum % 11]!;
};

/** The number as people type it (full-width digits, spaces, lower-case x) in one canonical form. */
const normaliseIdCardNumber = (raw: string): string =>
  raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

const isCalendarDate = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));

  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
};

/** Reads an 18-character ID card number, or says what is wrong with it (never echoing it). */
export const parseIdCardNumber = (
  raw: string,
): { ok: true; facts: IdCardFacts } | { ok: false; problem: IdCardProblem } => {
  const number = normaliseIdCardNumber(raw);
  if (!/^\d{17}[\dX]$/.test(number)) return { ok: false, problem: 'format' };
  if (!PROVINCES.has(Number(number.slice(0, 2)))) return { ok: false, problem: 'region' };
  const [year, month, day] = [number.slice(6, 10), number.slice(10, 12), number.slice(12, 14)];
  if (Number(year) < 1900 || !isCalendarDate(Number(year), Number(month), Number(day)))
    return { ok: false, problem: 'birth_date' };
  if (idCardCheckCharacter(number.slice(0, 17)) !== number[17])
    return { ok: false, problem: 'check_digit' };

  return {
    ok: true,
    facts: {
      normalised: number,
      birthDate: `${year}-${month}-${day}`,
      gender: Number(number[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
};

/** 2101**********1234: the region and the last four, as cadres are used to seeing it. */
export const maskIdCardNumber = (number: string): string =>
  `${number.slice(0, 4)}${'*'.repeat(number.length - 8)}${number.slice(-4)}`;
