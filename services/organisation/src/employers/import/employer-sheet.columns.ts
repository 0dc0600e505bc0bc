import type { EmployerKind } from '@taizhang/contracts';
import type { SheetLayout } from '@taizhang/sheets';

/** The columns of an employer sheet, by the Chinese headers a union keeps (in any order). */
export const EMPLOYER_COLUMNS = {
  creditCode: '统一社会信用代码',
  name: '单位名称',
  kind: '单位类型',
  street: '所属街道',
  headcount: '职工人数',
  femaleHeadcount: '女职工人数',
  migrantHeadcount: '农民工人数',
  newFormHeadcount: '新就业形态劳动者人数',
} as const;

/** Optional columns (what a founding application needs, seed 003), by the names they go by. */
export const EMPLOYER_DETAIL_COLUMNS = {
  address: ['地址', '单位地址', '注册地址'],
  legalRepresentative: ['法定代表人', '法人代表'],
  registeredCapital: ['注册资本（元）', '注册资本(元)', '注册资本'],
} as const;

type RequiredColumn = keyof typeof EMPLOYER_COLUMNS;
export type EmployerColumn = RequiredColumn | keyof typeof EMPLOYER_DETAIL_COLUMNS;

/** The registry's columns are required, the details optional; the credit code's header tells the header row apart from a title. */
export const EMPLOYER_SHEET: SheetLayout<EmployerColumn> = {
  headers: { ...EMPLOYER_COLUMNS, ...EMPLOYER_DETAIL_COLUMNS },
  required: [
    'creditCode',
    ...(Object.keys(EMPLOYER_COLUMNS) as RequiredColumn[]).filter((c) => c !== 'creditCode'),
  ],
};

/** The header each column is named by in a row's rejection. */
export const HEADER_OF_COLUMN: Record<EmployerColumn, string> = {
  ...EMPLOYER_COLUMNS,
  address: EMPLOYER_DETAIL_COLUMNS.address[0],
  legalRepresentative: EMPLOYER_DETAIL_COLUMNS.legalRepresentative[0],
  registeredCapital: EMPLOYER_DETAIL_COLUMNS.registeredCapital[0],
};

/** The column of each command field, to name it in a row's rejection. */
export const COLUMN_OF_FIELD: Record<string, string> = {
  ...HEADER_OF_COLUMN,
  streetId: EMPLOYER_COLUMNS.street,
};

/** 单位类型 as written in a sheet: the four registry labels, a few finer ones, or the API values. */
export const KIND_OF_LABEL: Record<string, EmployerKind> = {
  企业: 'enterprise',
  事业单位: 'public_institution',
  社会组织: 'social_organisation',
  社会团体: 'social_organisation',
  民办非企业单位: 'social_organisation',
  基金会: 'social_organisation',
  其他: 'other',
  enterprise: 'enterprise',
  public_institution: 'public_institution',
  social_organisation: 'social_organisation',
  other: 'other',
};
