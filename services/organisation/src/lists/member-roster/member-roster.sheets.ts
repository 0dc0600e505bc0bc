import type { RosterEntry } from './member-roster.query';

const STATUS = { active: '在册', retained: '保留会籍', left: '已退会' } as const;
const GENDER = { female: '女', male: '男' } as const;
const FORM = { regular: '正式', dispatched: '劳务派遣', new_form: '新就业形态' } as const;
const CHANNEL = { individual: '个人', collective: '集体登记', at_source: '源头入会' } as const;
const HELD_BY = { union: '本工会', federation: '上级工会' } as const;
const REASON: Record<string, string> = {
  retired: '退休',
  unemployed: '失业',
  employer_closed: '单位关闭',
};

const yesNo = (value: boolean | null) => (value === null ? '' : value ? '是' : '否');

const PERSON = [
  { header: '姓名', value: (m: RosterEntry) => m.name, width: 12 },
  { header: '性别', value: (m: RosterEntry) => GENDER[m.gender] },
  { header: '身份证号码', value: (m: RosterEntry) => m.idCardNumber ?? '', width: 22 },
  { header: '手机号码', value: (m: RosterEntry) => m.phone ?? '', width: 14 },
];

/** 会员花名册 columns (personal data as masked for the caller). */
export const ROSTER_COLUMNS = [
  ...PERSON,
  { header: '会员状态', value: (m: RosterEntry) => STATUS[m.status] },
  { header: '入会日期', value: (m: RosterEntry) => m.joinedOn, width: 12 },
  { header: '变动日期', value: (m: RosterEntry) => m.since, width: 12 },
  { header: '所属分会/小组', value: (m: RosterEntry) => m.branchName ?? '', width: 20 },
  {
    header: '用工形式',
    value: (m: RosterEntry) => (m.employmentForm ? FORM[m.employmentForm] : ''),
  },
  { header: '是否农民工', value: (m: RosterEntry) => yesNo(m.migrantWorker) },
  { header: '入会方式', value: (m: RosterEntry) => (m.channel ? CHANNEL[m.channel] : '') },
];

/** 保留会籍 columns. */
export const RETAINED_COLUMNS = [
  ...PERSON,
  { header: '原所在工会', value: (m: RosterEntry) => m.unionId ?? '', width: 38 },
  {
    header: '保留原因',
    value: (m: RosterEntry) =>
      m.retention ? (REASON[m.retention.reason] ?? m.retention.reason) : '',
  },
  {
    header: '保留单位',
    value: (m: RosterEntry) => (m.retention ? HELD_BY[m.retention.heldBy] : ''),
  },
  {
    header: '保留单位编号',
    value: (m: RosterEntry) => m.retention?.heldByOrgUnitId ?? '',
    width: 38,
  },
  { header: '保留日期', value: (m: RosterEntry) => m.retention?.since ?? '', width: 12 },
  { header: '入会日期', value: (m: RosterEntry) => m.joinedOn, width: 12 },
];
