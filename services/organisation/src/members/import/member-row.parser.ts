import type { CellValue, ImportReason } from '@taizhang/sheets';
import { isBlank, RowReasonCode } from '@taizhang/sheets';

import type { JoinUnionDto } from '../dto/join-union.dto';
import { JoinUnionSchema } from '../dto/join-union.dto';
import type { MemberColumn } from './member-sheet.columns';
import {
  CHANNEL_OF_LABEL,
  EMPLOYMENT_FORM_OF_LABEL,
  GENDER_OF_LABEL,
  MEMBER_COLUMNS,
  YES_NO,
} from './member-sheet.columns';

export type ParsedMemberRow = { body: JoinUnionDto } | { reasons: ImportReason[] };

const header = (field: MemberColumn): string => MEMBER_COLUMNS[field][0];

const reason = (field: MemberColumn, code: string, en: string, zh: string): ImportReason => ({
  code,
  column: header(field),
  en,
  zh,
});

const textOf = (value: string | number): string =>
  typeof value === 'number' ? String(value) : value.trim();

const labelled =
  <T>(field: MemberColumn, labels: Record<string, T>, choices: string) =>
  (value: string | number): T | ImportReason =>
    labels[textOf(value)] ??
    reason(
      field,
      RowReasonCode.InvalidValue,
      `${header(field)} "${textOf(value)}" is not one of ${choices}.`,
      `${header(field)}“${textOf(value)}”不在可选范围内，应为：${choices}。`,
    );

// Excel counts days from 1899-12-30; a date cell read without its format is that number.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

const isCalendarDate = (date: string): boolean => {
  const time = Date.parse(`${date}T00:00:00Z`);

  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
};

const dateOf =
  (field: MemberColumn) =>
  (value: string | number): string | ImportReason => {
    if (typeof value === 'number') {
      if (Number.isInteger(value) && value > 0 && value < 2_958_466)
        return new Date(EXCEL_EPOCH + value * 86_400_000).toISOString().slice(0, 10);
    } else {
      const match = DATE_TEXT.exec(value.trim());
      if (match) {
        const [, year, month, day] = match;
        const date = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
        if (isCalendarDate(date)) return date;
      }
    }

    return reason(
      field,
      RowReasonCode.InvalidDate,
      `${header(field)} "${value}" is not a date (write it as 2020-07-01).`,
      `${header(field)}“${value}”不是有效日期（应写作2020-07-01）。`,
    );
  };

// 18 digits do not fit in a spreadsheet number: the last ones are already lost.
const idCardNumberOf = (value: string | number): string | ImportReason =>
  typeof value === 'number'
    ? reason(
        'idCardNumber',
        RowReasonCode.CellNotText,
        'The ID card number is stored as a number, which loses its last digits; format the column as text and type the number again.',
        '身份证号码被存为数字，末几位已丢失；请将该列设为文本格式后重新填写。',
      )
    : value.trim();

const CONVERT: Record<MemberColumn, (value: string | number) => unknown> = {
  name: (value) => (typeof value === 'number' ? String(value) : value),
  gender: labelled('gender', GENDER_OF_LABEL, '男、女'),
  idCardNumber: idCardNumberOf,
  phone: textOf,
  birthDate: dateOf('birthDate'),
  employerId: textOf,
  employmentForm: labelled(
    'employmentForm',
    EMPLOYMENT_FORM_OF_LABEL,
    '正式、劳务派遣、新就业形态',
  ),
  migrantWorker: labelled('migrantWorker', YES_NO, '是、否'),
  joinedOn: dateOf('joinedOn'),
  channel: labelled('channel', CHANNEL_OF_LABEL, '个人、集体登记、源头入会'),
};

const OPTIONAL = new Set<MemberColumn>(['phone', 'birthDate', 'employerId', 'channel']);

const isReason = (value: unknown): value is ImportReason =>
  typeof value === 'object' && value !== null && 'code' in value && 'zh' in value;

/**
 * Turns a member sheet row into the body of a join (`POST /unions/:id/members`), checked by the
 * same schema, or every problem of its cells at once. The rules of a join (the ID card's check
 * digit, age, dates) are asked afterwards, as for a single join.
 */
export const parseMemberRow = (cells: Record<MemberColumn, CellValue>): ParsedMemberRow => {
  const reasons: ImportReason[] = [];
  const body: Record<string, unknown> = {};
  for (const field of Object.keys(CONVERT) as MemberColumn[]) {
    const value = cells[field];
    if (isBlank(value)) {
      if (!OPTIONAL.has(field))
        reasons.push(
          reason(
            field,
            RowReasonCode.MissingValue,
            `${header(field)} is empty.`,
            `${header(field)}未填写。`,
          ),
        );
      continue;
    }
    const converted = CONVERT[field](value);
    if (isReason(converted)) reasons.push(converted);
    else body[field] = converted;
  }
  if (reasons.length > 0) return { reasons };
  const checked = JoinUnionSchema.safeParse(body);
  if (checked.success) return { body: checked.data };

  return {
    reasons: checked.error.issues.map((issue) => {
      const field = issue.path[0] as MemberColumn;

      return reason(
        field,
        RowReasonCode.InvalidValue,
        `${header(field)} ${issue.message}.`,
        `${header(field)}的内容无效（${issue.message}）。`,
      );
    }),
  };
};
