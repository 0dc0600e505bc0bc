import type { EmploymentForm, JoinChannel } from '@taizhang/contracts';
import type { SheetLayout } from '@taizhang/sheets';

/**
 * The columns of a member sheet (会员花名册), by the Chinese headers unions keep, in any order;
 * the first header of each is the one named in messages.
 */
export const MEMBER_COLUMNS = {
  name: ['姓名'],
  gender: ['性别'],
  idCardNumber: ['身份证号码', '公民身份号码', '身份证号'],
  phone: ['手机号码', '手机号', '联系电话'],
  birthDate: ['出生日期'],
  employerId: ['工作单位统一社会信用代码', '单位统一社会信用代码', '统一社会信用代码'],
  employmentForm: ['用工形式'],
  migrantWorker: ['是否农民工'],
  joinedOn: ['入会日期', '入会时间'],
  channel: ['入会方式'],
} as const;

export type MemberColumn = keyof typeof MEMBER_COLUMNS;

/** 手机号码, 出生日期, the employer and 入会方式 may be left out (入会方式 then means 个人). */
export const MEMBER_SHEET: SheetLayout<MemberColumn> = {
  headers: MEMBER_COLUMNS,
  required: ['idCardNumber', 'name', 'gender', 'employmentForm', 'migrantWorker', 'joinedOn'],
};

export const GENDER_OF_LABEL: Record<string, 'female' | 'male'> = {
  女: 'female',
  男: 'male',
  female: 'female',
  male: 'male',
};

/** 用工形式 as written in a sheet, or the API values. */
export const EMPLOYMENT_FORM_OF_LABEL: Record<string, EmploymentForm> = {
  正式: 'regular',
  正式职工: 'regular',
  劳务派遣: 'dispatched',
  新就业形态: 'new_form',
  新就业形态劳动者: 'new_form',
  regular: 'regular',
  dispatched: 'dispatched',
  new_form: 'new_form',
};

export const YES_NO: Record<string, boolean> = { 是: true, 否: false };

/** 入会方式 as written in a sheet, or the API values. */
export const CHANNEL_OF_LABEL: Record<string, JoinChannel> = {
  个人: 'individual',
  个人入会: 'individual',
  集体登记: 'collective',
  集体: 'collective',
  源头入会: 'at_source',
  individual: 'individual',
  collective: 'collective',
  at_source: 'at_source',
};
