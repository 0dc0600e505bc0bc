import type { Caller, ScopeOptions } from '@taizhang/auth';
import { atOwnPath, scopedLoader } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { commandOnLoaded } from '@taizhang/bootstrap';
import type { CommandResult, PostgresEventStore } from '@taizhang/event-store';
import { NotFoundError } from '@taizhang/event-store';

import type { UnionCommand } from './union.commands';
import type { Union } from './union.decider';
import { readUnionAtCurrentPath } from './union-current-path';
import { runUnionCommand } from './union-streams';

type RecordedUnion = Exclude<Union, { status: 'None' }>;
type EstablishedUnion = Extract<Union, { status: 'Registered' | 'Dissolved' | 'Merged' }>;

const unionNotFound = (unionId: string) =>
  new NotFoundError(`Union ${unionId} does not exist. / 工会不存在。`);

/** A union (or founding application) by the path its own stream holds; `notFound` its 404. */
const recordedUnionLoader = (notFound: (unionId: string) => Error) =>
  scopedLoader({
    load: readUnionAtCurrentPath,
    exists: (state: Union): state is RecordedUnion => state.status !== 'None',
    unitOf: atOwnPath,
    notFound,
  });

/**
 * A union (or founding application) the caller may reach, by the path its own stream holds: 404
 * when nothing was recorded under the id or it lies outside the caller's subtree.
 */
export const loadUnionInScope = (
  store: PostgresEventStore,
  user: Caller,
  unionId: string,
  { notFound, ...options }: ScopeOptions & { notFound?: string } = {},
) =>
  recordedUnionLoader(notFound ? () => new NotFoundError(notFound) : unionNotFound)(
    store,
    user,
    unionId,
    options,
  );

/** A union that exists as an org unit now or did (a founding application is not one yet). */
export const loadEstablishedUnionInScope = scopedLoader({
  load: readUnionAtCurrentPath,
  exists: (state: Union): state is EstablishedUnion =>
    state.status === 'Registered' || state.status === 'Dissolved' || state.status === 'Merged',
  unitOf: atOwnPath,
  notFound: unionNotFound,
});

/**
 * One command on a union (or founding application) loaded in the caller's scope, run at the
 * request's If-Match, else at the version loaded: the union cannot have moved out of the
 * caller's scope in between (409).
 */
export const runUnionCommandInScope = (
  store: PostgresEventStore,
  user: Caller,
  unionId: string,
  request: CommandRequestContext,
  scope: ScopeOptions & { notFound?: string },
  command: (union: RecordedUnion) => UnionCommand,
  options: Omit<NonNullable<Parameters<typeof runUnionCommand>[3]>, 'expectedVersion'> = {},
): Promise<CommandResult> =>
  commandOnLoaded(
    request,
    () => loadUnionInScope(store, user, unionId, scope),
    ({ state }, expectedVersion) =>
      runUnionCommand(store, unionId, command(state), { ...options, expectedVersion }),
  );
