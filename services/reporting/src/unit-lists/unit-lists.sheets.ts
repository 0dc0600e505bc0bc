import type { EmployerOfUnit, UnionOfUnit } from './unit-lists.query';

const UNION_STATUS = { active: '存续', dissolved: '已撤销', merged: '已合并' } as const;
const EMPLOYER_STATUS = { open: '存续', closed: '已关闭' } as const;
const KIND: Record<string, string> = {
  enterprise: '企业',
  public_institution: '事业单位',
  social_organisation: '社会组织',
  other: '其他',
};

/** 工会名录 columns. */
export const UNION_COLUMNS = [
  { header: '工会名称', value: (u: UnionOfUnit) => u.name ?? '', width: 30 },
  { header: '成立日期', value: (u: UnionOfUnit) => u.establishedOn, width: 12 },
  { header: '状态', value: (u: UnionOfUnit) => UNION_STATUS[u.status] },
  { header: '撤销或合并日期', value: (u: UnionOfUnit) => u.endedOn ?? '', width: 14 },
];

/** 单位台账 columns. */
export const EMPLOYER_COLUMNS = [
  { header: '单位名称', value: (e: EmployerOfUnit) => e.name ?? '', width: 30 },
  { header: '统一社会信用代码', value: (e: EmployerOfUnit) => e.creditCode ?? '', width: 22 },
  { header: '单位类型', value: (e: EmployerOfUnit) => KIND[e.kind] ?? e.kind },
  { header: '职工人数', value: (e: EmployerOfUnit) => e.headcount },
  { header: '登记日期', value: (e: EmployerOfUnit) => e.registeredOn, width: 12 },
  { header: '状态', value: (e: EmployerOfUnit) => EMPLOYER_STATUS[e.status] },
  { header: '关闭日期', value: (e: EmployerOfUnit) => e.closedOn ?? '', width: 12 },
  { header: '是否建会', value: (e: EmployerOfUnit) => (e.covered ? '是' : '否') },
];
