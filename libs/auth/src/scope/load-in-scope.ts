import type { OrgUnitRef } from '@taizhang/event-store';

import type { AuthenticatedUser } from '../authenticated-user';
import type { AssertInScopeOptions } from './org-scope';
import { assertInScope } from './org-scope';

/** How a service finds one kind of target and where it sits in the org tree. */
export interface ScopedTarget<TState, TFound extends TState> {
  /** Reads the target's state and the version it was read at. */
  load: () => Promise<{ state: TState; version: number }>;
  /** Whether the state is a target at all (a stream never written is not). */
  exists: (state: TState) => state is TFound;
  /** The unit the target's records concern, by the path the service itself holds. */
  unitOf: (state: TFound) => OrgUnitRef | Promise<OrgUnitRef>;
  /** The 404 for a target that is absent, and the same one for a target outside the scope. */
  notFound: () => Error;
}

/** What a route may ask of its target beyond existing: `access`, `strictlyBelow`. */
export type ScopeOptions = Omit<AssertInScopeOptions, 'notFound'>;

/**
 * Loads a target the caller may reach: 404 when it is absent, the same 404 when it lies outside
 * the caller's subtree, and what {@link assertInScope} answers to `access: 'write'` or
 * `strictlyBelow`. Returns the version read, for the command to pin.
 */
export const loadInScope = async <TState, TFound extends TState>(
  user: Pick<AuthenticatedUser, 'role' | 'orgPath'>,
  target: ScopedTarget<TState, TFound>,
  options: ScopeOptions = {},
): Promise<{ state: TFound; version: number; unit: OrgUnitRef }> => {
  const { state, version } = await target.load();
  if (!target.exists(state)) throw target.notFound();
  const unit = await target.unitOf(state);
  assertInScope(user, unit.path, { ...options, notFound: target.notFound });

  return { state, version, unit };
};

/** One kind of target found by its id in a store, for {@link scopedLoader}. */
export interface TargetKind<TStore, TState, TFound extends TState> {
  /** Reads the target's state and the version it was read at. */
  load: (store: TStore, id: string) => Promise<{ state: TState; version: number }>;
  /** Whether the state is a target at all (a stream never written is not). */
  exists: (state: TState) => state is TFound;
  /** The unit the target's records concern ({@link atOwnPath} when its state holds the path). */
  unitOf: (state: NoInfer<TFound>, id: string, store: TStore) => OrgUnitRef | Promise<OrgUnitRef>;
  /** The 404 for the id, absent or outside the scope. */
  notFound: (id: string) => Error;
}

/** `unitOf` of a target whose own state holds its path in the org tree. */
export const atOwnPath = (state: { orgPath: string }, id: string): OrgUnitRef => ({
  id,
  path: state.orgPath,
});

/**
 * {@link loadInScope} for one kind of target: `(store, user, id, options?)`, so that each
 * service states only how the kind is read, when it exists, where it sits and its 404.
 */
export const scopedLoader =
  <TStore, TState, TFound extends TState>(kind: TargetKind<TStore, TState, TFound>) =>
  (
    store: TStore,
    user: Pick<AuthenticatedUser, 'role' | 'orgPath'>,
    id: string,
    options: ScopeOptions = {},
  ): Promise<{ state: TFound; version: number; unit: OrgUnitRef }> =>
    loadInScope(
      user,
      {
        load: () => kind.load(store, id),
        exists: kind.exists,
        unitOf: (state) => kind.unitOf(state, id, store),
        notFound: () => kind.notFound(id),
      },
      options,
    );

/** A command on the target: an auditor gets 403. */
export const WRITE_ACCESS: ScopeOptions = Object.freeze({ access: 'write' });

/** A command only a unit above the target gives (approvals, dissolution): the unit itself gets 403. */
export const WRITE_FROM_ABOVE: ScopeOptions = Object.freeze({
  access: 'write',
  strictlyBelow: true,
});
