import type { Command } from '@taizhang/event-store';

import type { ParentRef } from '../org-units/org-unit.commands';

/** 存量工会登记: a union founded before the platform is recorded as it is. */
export type RegisterUnion = Command<
  'RegisterUnion',
  { unionId: string; name: string; establishedOn: string; parent: ParentRef | null }
>;

export type UnionCommand = RegisterUnion;
