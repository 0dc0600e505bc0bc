import { randomUUID } from 'node:crypto';

import type { CommandRequestContext } from '@taizhang/bootstrap';
import type {
  CommandResult,
  HandleCommandOptions,
  OrgUnitRef,
  PostgresEventStore,
} from '@taizhang/event-store';
import { handleCommand } from '@taizhang/event-store';

import { keepEmployerCoverage } from '../employer-coverage';
import type { ParentRef } from '../org-units';
import type { UnionCommand } from './union.commands';
import type { Union, UnionEvent } from './union.decider';
import { unionDeciderUnder } from './union.decider';
import { rulesForUnionCommand } from './union-command-rules';
import { readUnionAtCurrentPath } from './union-current-path';

export const unionStreamId = (unionId: string): string => `union-${unionId}`;

/** The org unit a union's events concern: the union itself, at the path it has or gets. */
const unionOrgUnit =
  (unionId: string) =>
  (state: Union, events: readonly UnionEvent[]): OrgUnitRef => {
    const decided = events.find((event) => 'orgPath' in event.data);
    const path =
      decided && 'orgPath' in decided.data
        ? decided.data.orgPath
        : 'orgPath' in state
          ? state.orgPath
          : unionId;

    return { id: unionId, path };
  };

/**
 * Runs one command on a union's stream (the Idempotency-Key travels in its metadata). Its events
 * carry the union's current path, read before: a move of the street above the union is not in
 * the union's stream. The employers' coverage claims follow its events in the same transaction.
 */
export const runUnionCommand = async (
  store: PostgresEventStore,
  unionId: string,
  command: UnionCommand,
  options: Pick<
    HandleCommandOptions<Union, UnionCommand, UnionEvent>,
    'expectedVersion' | 'fingerprint' | 'withinTransaction' | 'id'
  > = {},
): Promise<CommandResult> => {
  const before = await readUnionAtCurrentPath(store, unionId);
  const recorded = unionOrgUnit(unionId);
  const rules = await rulesForUnionCommand(store, command, before.state);

  return handleCommand(store, {
    streamId: unionStreamId(unionId),
    streamType: 'union',
    decider: unionDeciderUnder(rules),
    command,
    expectedVersion: options.expectedVersion,
    orgUnit: (state, events) => {
      const unit = recorded(state, events);
      // Unchanged since the read (and no path decided now): the path the tree gives it.
      const unchanged =
        unit.path === before.recordedPath && !events.some((event) => 'orgPath' in event.data);

      return unchanged && 'orgPath' in before.state
        ? { id: unionId, path: before.state.orgPath }
        : unit;
    },
    id: options.id ?? unionId,
    fingerprint: options.fingerprint,
    withinTransaction: async (tx, appended, state) => {
      await keepEmployerCoverage(tx.client, appended);
      await options.withinTransaction?.(tx, appended, state);
    },
  });
};

/**
 * A command that starts a union's stream under a parent federation (registration, founding
 * application): a new id, the parent as its own stream says (null when unknown or outside the
 * caller's scope), and an answer that a repeated Idempotency-Key with the same body gives again.
 */
export const runNewUnionCommand = (
  store: PostgresEventStore,
  request: CommandRequestContext,
  body: { parentId: string },
  parent: ParentRef | null,
  build: (unionId: string, parent: ParentRef | null) => UnionCommand,
): Promise<CommandResult> => {
  const unionId = randomUUID();
  const command = build(unionId, parent);

  return runUnionCommand(store, unionId, command, {
    expectedVersion: request.expectedVersion,
    fingerprint: [command.type, body],
  });
};
