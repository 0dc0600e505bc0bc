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

/** A command on the target: an auditor gets 403. */
export const WRITE_ACCESS: ScopeOptions = Object.freeze({ access: 'write' });

/** A command only a unit above the target gives (approvals, dissolution): the unit itself gets 403. */
export const WRITE_FROM_ABOVE: ScopeOptions = Object.freeze({
  access: 'write',
  strictlyBelow: true,
});
