import type { EmployerKind } from '@taizhang/contracts';
import { text } from '@taizhang/domain';
import type { CellValue } from '@taizhang/sheets';
import { isBlank, RowReasonCode } from '@taizhang/sheets';

import type { EmployerDetails, Headcounts } from '../employer.commands';
import type { RuleBreach } from '../employer.error';
import { EmployerImportErrorCode } from './employer-import.error';
import type { EmployerColumn } from './employer-sheet.columns';
import { EMPLOYER_COLUMNS, HEADER_OF_COLUMN, KIND_OF_LABEL } from './employer-sheet.columns';

/** A row's cells as typed values; the street is still the cell's text (an id or a code). */
export interface EmployerRow extends Headcounts, EmployerDetails {
  creditCode: string;
  name: string;
  kind: EmployerKind;
  street: string;
}

export type ParsedEmployerRow = { row: EmployerRow } | { breaches: RuleBreach[] };

const HEADCOUNT_FIELDS = [
  'headcount',
  'femaleHeadcount',
  'migrantHeadcount',
  'newFormHeadcount',
] as const;

const missing = (field: EmployerColumn): RuleBreach => ({
  code: RowReasonCode.MissingValue,
  en: `${HEADER_OF_COLUMN[field]} is empty${HEADCOUNT_FIELDS.includes(field as never) ? ' (write 0 for none)' : ''}.`,
  zh: `${HEADER_OF_COLUMN[field]}未填写${HEADCOUNT_FIELDS.includes(field as never) ? '（没有请填0）' : ''}。`,
  field,
});

// Identifiers lose nothing by trimming: spaces around a code are how cells are often typed.
const identifier = (value: string | number): string =>
  typeof value === 'number' ? String(value) : value.trim();

const creditCodeOf = (value: string | number): string | RuleBreach =>
  typeof value === 'number'
    ? {
        code: RowReasonCode.CellNotText,
        en: 'The credit code is stored as a number, which loses its last digits; format the column as text and type the code again.',
        zh: '统一社会信用代码被存为数字，末几位已丢失；请将该列设为文本格式后重新填写。',
        field: 'creditCode',
      }
    : value.trim();

const kindOf = (value: string | number): EmployerKind | RuleBreach =>
  KIND_OF_LABEL[identifier(value)] ?? {
    code: EmployerImportErrorCode.UnknownKind,
    en: `单位类型 "${identifier(value)}" is not one of 企业 (enterprise), 事业单位 (public institution), 社会组织 (social organisation), 其他 (other).`,
    zh: `单位类型“${identifier(value)}”不在可选范围内，应为：企业、事业单位、社会组织、其他。`,
    field: 'kind',
  };

const countOf = (field: (typeof HEADCOUNT_FIELDS)[number], value: string | number) => {
  const number =
    typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value) : NaN;

  return Number.isSafeInteger(number) && number >= 0
    ? number
    : {
        code: RowReasonCode.NotAWholeNumber,
        en: `${EMPLOYER_COLUMNS[field]} must be a whole number of people, not "${value}".`,
        zh: `${EMPLOYER_COLUMNS[field]}须为整数人数，而不是“${value}”。`,
        field,
      };
};

const NAME = text(200);

const nameOf = (value: string | number): string | RuleBreach => {
  const name = typeof value === 'number' ? String(value) : value;
  const checked = NAME.safeParse(name);

  return checked.success
    ? name
    : {
        code: RowReasonCode.InvalidText,
        en: `单位名称 ${checked.error.issues[0]?.message ?? 'is not valid'}.`,
        zh: '单位名称须为1至200个字符，且不含控制字符。',
        field: 'name',
      };
};

const textOf =
  (field: 'address' | 'legalRepresentative', max: number) =>
  (value: string | number): string | RuleBreach => {
    const written = typeof value === 'number' ? String(value) : value.trim();

    return text(max).safeParse(written).success
      ? written
      : {
          code: RowReasonCode.InvalidText,
          en: `${HEADER_OF_COLUMN[field]} must be 1 to ${max} characters without control characters.`,
          zh: `${HEADER_OF_COLUMN[field]}须为1至${max}个字符，且不含控制字符。`,
          field,
        };
  };

// 注册资本 in yuan as a sheet has it (5000000, "5,000,000.00"), kept in fen: at most two decimals.
const capitalOf = (value: string | number): number | RuleBreach => {
  const yuan =
    typeof value === 'number'
      ? value
      : /^\d{1,3}(,\d{3})*(\.\d{1,2})?$|^\d+(\.\d{1,2})?$/.test(value.trim())
        ? Number(value.trim().replaceAll(',', ''))
        : NaN;
  const fen = Math.round(yuan * 100);

  return Number.isSafeInteger(fen) && fen >= 0 && Math.abs(yuan * 100 - fen) < 1e-6
    ? fen
    : {
        code: EmployerImportErrorCode.InvalidCapital,
        en: `${HEADER_OF_COLUMN.registeredCapital} must be an amount in yuan with at most two decimals, not "${value}".`,
        zh: `${HEADER_OF_COLUMN.registeredCapital}须为以元为单位、最多两位小数的金额，而不是“${value}”。`,
        field: 'registeredCapital',
      };
};

const isBreach = (value: unknown): value is RuleBreach =>
  typeof value === 'object' && value !== null && 'code' in value;

/**
 * Turns a sheet row into typed values, or every problem of its cells at once. The business
 * rules (check digits, headcount sums, the street) are the decider's, asked afterwards.
 */
export const parseEmployerRow = (cells: Record<EmployerColumn, CellValue>): ParsedEmployerRow => {
  const breaches: RuleBreach[] = [];
  const take = <T>(field: EmployerColumn, convert: (value: string | number) => T | RuleBreach) => {
    const value = cells[field];
    if (isBlank(value)) {
      breaches.push(missing(field));

      return undefined;
    }
    const converted = convert(value);
    if (isBreach(converted)) {
      breaches.push(converted);

      return undefined;
    }

    return converted;
  };
  const optional = <T>(
    field: 'address' | 'legalRepresentative' | 'registeredCapital',
    convert: (value: string | number) => T | RuleBreach,
  ): Partial<Record<typeof field, T>> => {
    const value = cells[field] as CellValue | undefined;
    if (value === undefined || isBlank(value)) return {};
    const converted = take(field, convert);

    return converted === undefined ? {} : { [field]: converted };
  };
  // The name is kept exactly as typed, like all text.
  const row = {
    creditCode: take('creditCode', creditCodeOf),
    name: take('name', nameOf),
    kind: take('kind', kindOf),
    street: take('street', identifier),
    ...Object.fromEntries(
      HEADCOUNT_FIELDS.map((field) => [field, take(field, (value) => countOf(field, value))]),
    ),
    // The details are optional columns: a blank (or absent) cell leaves the detail out.
    ...optional('address', textOf('address', 300)),
    ...optional('legalRepresentative', textOf('legalRepresentative', 100)),
    ...optional('registeredCapital', capitalOf),
  };

  return breaches.length > 0 ? { breaches } : { row: row as EmployerRow };
};
