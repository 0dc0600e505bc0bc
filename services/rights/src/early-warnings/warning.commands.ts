import type { EarlyWarningRaised } from '@taizhang/contracts';
import type { Command } from '@taizhang/event-store';

import type { ActOnUnionEnd } from '../shared/union-end.commands';

/** The unit that raises a warning: a grassroots union or a federation, and whether it ended. */
export interface WarningUnit {
  id: string;
  /** A union dissolved or merged (撤销/合并) raises nothing more; a federation never ends here. */
  ended: boolean;
}

type Raised = EarlyWarningRaised['data'];
type Level = Raised['level'];

/** 劳动关系预警: a union or federation raises a warning about an employer. */
export type RaiseWarning = Command<
  'RaiseWarning',
  Omit<Raised, 'orgUnitId'> & { unit: WarningUnit }
>;
/** What was done about it (跟踪处置). */
export type FollowUpWarning = Command<
  'FollowUpWarning',
  { followUpId: string; on: string; action: string }
>;
/** Raised or lowered to another level (升级/降级). */
export type ChangeWarningLevel = Command<
  'ChangeWarningLevel',
  { to: Level; changedOn: string; reason: string }
>;
/** Resolved (解除预警), with the outcome. */
export type ResolveWarning = Command<'ResolveWarning', { resolvedOn: string; outcome: string }>;

export type WarningCommand =
  | RaiseWarning
  | FollowUpWarning
  | ChangeWarningLevel
  | ResolveWarning
  | ActOnUnionEnd;
