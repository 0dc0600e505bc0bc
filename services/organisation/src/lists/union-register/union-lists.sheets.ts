import type { PendingApproval, TermWarning } from './union-register.query';

const KIND = { application: '组建申请', election: '换届选举' } as const;
const STATE = { ended: '已到期', ending: '即将到期' } as const;

/** 待审批事项 columns. */
export const PENDING_COLUMNS = [
  { header: '事项', value: (p: PendingApproval) => KIND[p.kind] },
  { header: '工会名称', value: (p: PendingApproval) => p.name, width: 30 },
  { header: '上级工会', value: (p: PendingApproval) => p.parentName ?? p.parentId, width: 30 },
  { header: '提交日期', value: (p: PendingApproval) => p.waitingSince, width: 12 },
  { header: '已等待天数', value: (p: PendingApproval) => p.daysWaiting },
];

/** 换届预警 columns. */
export const TERM_COLUMNS = [
  { header: '工会名称', value: (t: TermWarning) => t.name, width: 30 },
  { header: '上级工会', value: (t: TermWarning) => t.parentName ?? t.parentId, width: 30 },
  { header: '成立日期', value: (t: TermWarning) => t.establishedOn, width: 12 },
  { header: '任期届满日期', value: (t: TermWarning) => t.termEndsOn, width: 14 },
  { header: '剩余天数', value: (t: TermWarning) => t.daysLeft },
  { header: '状态', value: (t: TermWarning) => STATE[t.state] },
  { header: '换届选举待批', value: (t: TermWarning) => t.electionHeldOn ?? '', width: 14 },
];
