// GB 32100-2015 (and the GB 11714 organisation code inside it), written here once more on
// purpose: tests check the service against an implementation of their own.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

const organisationCheck = (body: string): string => {
  const sum = [...body].reduce((total, d, i) => total + Number(d) * ORGANISATION_WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);

  return check === 10 ? 'X' : String(check % 11);
};

/**
 * A valid 统一社会信用代码 for test employer `n` (0, 1, 2, …; each `n` gives another code): an
 * enterprise (91) registered in `region` (210100, 沈阳市, unless given).
 */
export const testCreditCode = (n: number, region = '210100'): string => {
  const body = String(n).padStart(8, '0');
  const first17 = `91${region}${body}${organisationCheck(body)}`;
  const sum = [...first17].reduce((total, c, i) => total + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0);

  return first17 + ALPHABET[(31 - (sum % 31)) % 31]!;
};
