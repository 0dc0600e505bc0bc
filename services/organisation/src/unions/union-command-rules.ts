import { businessDate } from '@taizhang/domain';
import type { PostgresEventStore } from '@taizhang/event-store';
import type { RulesInForce } from '@taizhang/rules';
import { readRulesInForce } from '@taizhang/rules';

import type { UnionCommand } from './union.commands';
import type { Union } from './union.state';

/**
 * The rules a union command is decided under: those in force on its business date (a congress
 * entered after the fact is judged by the table of its day) for the union's region, found by its
 * current path, or by the parent federation's for a union that does not exist yet.
 */
export const rulesForUnionCommand = (
  store: PostgresEventStore,
  command: UnionCommand,
  union: Union,
): Promise<RulesInForce> => {
  const { occurredAt, now } = command.metadata;
  const parent = 'parent' in command.data ? command.data.parent : null;
  const orgPath = union.status === 'None' ? (parent?.orgPath ?? null) : union.orgPath;

  return readRulesInForce(store, orgPath, businessDate(occurredAt ?? now));
};
