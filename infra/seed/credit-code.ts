// GB 32100-2015 (统一社会信用代码) and the GB 11714 organisation code inside it, for the demo
// employers: the seed computes valid codes itself (@taizhang/testing is for tests only).
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

const organisationCheck = (body: string): string => {
  const sum = [...body].reduce((total, d, i) => total + Number(d) * ORGANISATION_WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);

  return check === 10 ? 'X' : String(check % 11);
};

/**
 * The credit code of demo employer `serial` (an 8-digit organisation code body), registered in
 * `region` (6 digits, e.g. 210102 和平区) as `type` (91 企业, 12 事业单位, 52 社会组织, …).
 */
export const demoCreditCode = (serial: number, region: string, type = '91'): string => {
  const body = String(serial).padStart(8, '0');
  const first17 = `${type}${region}${body}${organisationCheck(body)}`;
  const sum = [...first17].reduce((total, c, i) => total + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0);

  return first17 + ALPHABET[(31 - (sum % 31)) % 31]!;
};
