import type { Caller, ScopeOptions } from '@taizhang/auth';
import { scopedLoader } from '@taizhang/auth';
import type { OrgUnitNow } from '@taizhang/directory';
import { whereIsUnit } from '@taizhang/directory';
import type { CommandResult, OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, NotFoundError } from '@taizhang/event-store';

import { runRightsCommand } from '../shared/rights-command';
import type { SeasonCommand } from './season.commands';
import { seasonDecider } from './season.decider';
import type { BargainingSeason, LaunchedSeason } from './season.state';

export const seasonStreamId = (seasonId: string): string => `bargaining-season-${seasonId}`;

export const readSeason = (store: PostgresEventStore, seasonId: string) =>
  aggregateStream(store, seasonStreamId(seasonId), seasonDecider);

const unitNotFound = (id: string) =>
  new NotFoundError(`Federation ${id} does not exist. / 该工会组织不存在。`);
const seasonNotFound = (id: string) =>
  new NotFoundError(`Bargaining season ${id} does not exist. / 该行动季不存在。`);

/** A federation (not a grassroots union) the caller may reach, where it is now: else 404. */
const federationInScope = scopedLoader({
  load: async (store: PostgresEventStore, id: string) => ({
    state: await whereIsUnit(store.pool, id),
    version: 0,
  }),
  exists: (unit: OrgUnitNow | null): unit is OrgUnitNow => unit !== null && unit.kind !== 'union',
  unitOf: (unit: OrgUnitNow, id: string) => ({ id, path: unit.orgPath }),
  notFound: unitNotFound,
});

export const loadFederationInScope = (
  store: PostgresEventStore,
  user: Caller,
  id: string,
  options: ScopeOptions = {},
) => federationInScope(store, user, id, options);

/** A season the caller may reach, where its federation is now: 404 when absent or outside. */
export const loadSeasonInScope = scopedLoader({
  load: readSeason,
  exists: (state: BargainingSeason): state is LaunchedSeason => state.status !== 'None',
  unitOf: async (state: LaunchedSeason, id: string, store: PostgresEventStore) => {
    const unit = await whereIsUnit(store.pool, state.orgUnitId);
    if (unit === null) throw seasonNotFound(id);

    return { id: state.orgUnitId, path: unit.orgPath };
  },
  notFound: seasonNotFound,
});

export const runSeasonCommand = (
  store: PostgresEventStore,
  seasonId: string,
  command: SeasonCommand,
  options: { unit: OrgUnitRef; expectedVersion?: number | undefined; fingerprint?: unknown },
): Promise<CommandResult> =>
  runRightsCommand(store, {
    streamId: seasonStreamId(seasonId),
    streamType: 'bargaining-season',
    decider: seasonDecider,
    command,
    id: seasonId,
    ...options,
  });

// Requests recorded under the unit's path at the time (a union moved later counts where it asked).
const REQUESTS_MADE = `SELECT count(*)::int AS made FROM events
  WHERE type = 'ContractNegotiationRequested'
    AND (org_path = $1 OR org_path LIKE $1 || '/%')
    AND data->>'requestedOn' BETWEEN $2 AND $3`;

/** Requests to negotiate by the unions of `orgPath`'s subtree dated within the season. */
export const requestsMade = async (
  store: PostgresEventStore,
  orgPath: string,
  { from, to }: { from: string; to: string },
): Promise<number> =>
  (await store.pool.query<{ made: number }>(REQUESTS_MADE, [orgPath, from, to])).rows[0]!.made;
