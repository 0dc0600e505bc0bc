// The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters over 31 symbols
// (no I, O, Z, S, V): registration authority (1), organisation type (1), region (6),
// organisation code with its own GB 11714 check (9), and a check character over the first 17.

/** The 31 symbols of GB 32100; a symbol's value is its index. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Weight of position i is 3^i mod 31 (GB 32100 §5.2).
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

// GB 11714-1997: weights of the 8 body characters of an organisation code.
const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

// Registration authorities of GB 32100 and its later allocations: 1 机构编制, 2 外交, 3 司法行政,
// 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 市场监管(工商), A 中央军委改革和编制办公室, N 农业, Y 其他.
const AUTHORITIES = '123456789ANY';

/** What is wrong with a credit code, the first problem found. */
export type CreditCodeProblem =
  | 'length'
  | 'lowercase'
  | 'characters'
  | 'authority'
  | 'type'
  | 'region'
  | 'check_digit'
  | 'organisation_code';

const valueOf = (symbol: string): number => CREDIT_CODE_ALPHABET.indexOf(symbol);

/** The check character (position 18) of the first 17 characters of a credit code. */
export const creditCodeCheckCharacter = (first17: string): string => {
  const sum = [...first17].reduce(
    (total, symbol, index) => total + valueOf(symbol) * CREDIT_CODE_WEIGHTS[index]!,
    0,
  );

  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
};

// GB 11714 values digits as themselves and letters A..Z as 10..35.
const organisationValue = (symbol: string): number =>
  /\d/.test(symbol) ? Number(symbol) : symbol.charCodeAt(0) - 55;

/** The check character (9th) of the 8-character body of an organisation code (GB 11714). */
export const organisationCodeCheckCharacter = (body8: string): string => {
  const sum = [...body8].reduce(
    (total, symbol, index) => total + organisationValue(symbol) * ORGANISATION_CODE_WEIGHTS[index]!,
    0,
  );
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';

  return String(check % 11);
};

const IN_ALPHABET = /^[0-9A-HJ-NPQRTUWXY]+$/;

const shapeProblem = (code: string): CreditCodeProblem | null => {
  if ([...code].length !== 18) return 'length';
  if (IN_ALPHABET.test(code)) return null;

  return IN_ALPHABET.test(code.toUpperCase()) ? 'lowercase' : 'characters';
};

/** The first problem of a credit code, or null when it is valid. */
export const creditCodeProblem = (code: string): CreditCodeProblem | null => {
  const shape = shapeProblem(code);
  if (shape) return shape;
  if (!AUTHORITIES.includes(code[0]!)) return 'authority';
  if (!/[1-9]/.test(code[1]!)) return 'type';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'region';
  // The final check first: one mistyped character shows there, whichever part it is in.
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return 'check_digit';
  if (organisationCodeCheckCharacter(code.slice(8, 16)) !== code[16]) return 'organisation_code';

  return null;
};

/** The characters of a code that GB 32100 does not allow (I, O, Z, S, V, spaces, …). */
export const disallowedCharacters = (code: string): string[] => [
  ...new Set([...code.toUpperCase()].filter((symbol) => !CREDIT_CODE_ALPHABET.includes(symbol))),
];
