import type { BranchUnitKind } from '@taizhang/contracts';
import type { Command } from '@taizhang/event-store';

import type { Union } from '../unions';

/** 设立分工会/工会小组: `union` is the union as its own stream says, read just before deciding. */
export type CreateBranchUnit = Command<
  'CreateBranchUnit',
  { branchId: string; kind: BranchUnitKind; name: string; establishedOn: string; union: Union }
>;

export type BranchUnitsCommand = CreateBranchUnit;
