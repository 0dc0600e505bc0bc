import type { CreditCodeProblem } from './credit-code';
import { creditCodeProblem, disallowedCharacters } from './credit-code';
import type { Headcounts } from './employer.commands';
import type { RuleBreach } from './employer.error';
import { EmployerErrorCode } from './employer.error';

/** The most workers one employer may declare; more is a typing mistake. */
export const MAX_HEADCOUNT = 10_000_000;

/** Each headcount field with its sheet column (the Chinese headers a union keeps). */
const HEADCOUNT_LABELS: Record<keyof Headcounts, string> = {
  headcount: '职工人数',
  femaleHeadcount: '女职工人数',
  migrantHeadcount: '农民工人数',
  newFormHeadcount: '新就业形态劳动者人数',
};

const CREDIT_CODE_WORDS: Record<CreditCodeProblem, (code: string) => [string, string]> = {
  length: (code) => [
    `The unified social credit code has 18 characters; this one has ${[...code].length}.`,
    `统一社会信用代码应为18位，此处为${[...code].length}位。`,
  ],
  lowercase: () => [
    'Write the letters of the unified social credit code as capitals.',
    '统一社会信用代码中的字母须大写。',
  ],
  characters: (code) => [
    `The unified social credit code contains characters it never has: ${disallowedCharacters(code).join(' ')} (the letters I, O, Z, S and V are never used).`,
    `统一社会信用代码含有不允许的字符：${disallowedCharacters(code).join(' ')}（不使用字母I、O、Z、S、V）。`,
  ],
  authority: () => [
    'The first character (registration authority) is not one that GB 32100 assigns.',
    '第1位（登记管理部门代码）不正确。',
  ],
  type: () => [
    'The second character (organisation type) must be a digit from 1 to 9.',
    '第2位（机构类别代码）应为数字1至9。',
  ],
  region: () => [
    'Characters 3 to 8 (the region code) must be digits.',
    '第3至8位（登记管理机关行政区划码）应为数字。',
  ],
  check_digit: () => [
    'The check character (the 18th) does not match: a character is probably mistyped.',
    '校验码（第18位）不符，可能有字符录入错误。',
  ],
  organisation_code: () => [
    'The organisation code (characters 9 to 17) fails its own check (GB 11714).',
    '主体标识码（第9至17位）校验不符。',
  ],
};

/** Why a credit code is refused, or null when it is valid (GB 32100-2015). */
export const checkCreditCode = (code: string): RuleBreach | null => {
  const problem = creditCodeProblem(code);
  if (!problem) return null;
  const [en, zh] = CREDIT_CODE_WORDS[problem](code);

  return {
    code: EmployerErrorCode.InvalidCreditCode,
    en,
    zh,
    field: 'creditCode',
    details: { problem },
  };
};

const isCount = (value: number): boolean =>
  Number.isInteger(value) && value >= 0 && value <= MAX_HEADCOUNT;

/** Why a set of headcounts is refused: each a whole number, no part larger than the whole. */
export const checkHeadcounts = (headcounts: Headcounts): RuleBreach | null => {
  for (const field of Object.keys(HEADCOUNT_LABELS) as (keyof Headcounts)[]) {
    if (!isCount(headcounts[field]))
      return {
        code: EmployerErrorCode.InvalidHeadcount,
        en: `${field} must be a whole number from 0 to ${MAX_HEADCOUNT}.`,
        zh: `${HEADCOUNT_LABELS[field]}须为0至${MAX_HEADCOUNT}之间的整数。`,
        field,
      };
  }
  const { headcount } = headcounts;
  for (const field of ['femaleHeadcount', 'migrantHeadcount', 'newFormHeadcount'] as const) {
    if (headcounts[field] > headcount)
      return {
        code: EmployerErrorCode.PartExceedsHeadcount,
        en: `${field} (${headcounts[field]}) cannot be more than headcount (${headcount}).`,
        zh: `${HEADCOUNT_LABELS[field]}（${headcounts[field]}）不能多于职工人数（${headcount}）。`,
        field,
      };
  }

  return null;
};

/** A date after today (in China) is refused: figures are recorded for what has happened. */
export const checkNotInFuture = (date: string, today: string, field: string): RuleBreach | null =>
  date > today
    ? {
        code: EmployerErrorCode.DateInFuture,
        en: `The date ${date} is in the future.`,
        zh: `日期${date}晚于今天。`,
        field,
      }
    : null;
