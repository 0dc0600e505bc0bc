import { NotFoundError } from '@taizhang/event-store';

import type { AuthenticatedUser } from '../authenticated-user';
import { NotAboveTargetError, ReadOnlyRoleError } from './scope.errors';

/** What a caller may reach: the whole region (admin), or one subtree of the org tree. */
export type OrgScope = { kind: 'region' } | { kind: 'subtree'; path: string };

/**
 * The caller's scope: an admin the whole region; a union cadre its union's subtree (the union
 * and its branch unions); a federation officer or an auditor the subtree of its unit.
 */
export const scopeOf = (user: Pick<AuthenticatedUser, 'role' | 'orgPath'>): OrgScope => {
  if (user.role === 'admin') return { kind: 'region' };
  // The token schema guarantees a path for every other role; refuse everything if it is missing.
  if (!user.orgPath) return { kind: 'subtree', path: '\u0000' };

  return { kind: 'subtree', path: user.orgPath };
};

const segments = (path: string): string[] => path.split('/');

/** Whether `target` is `ancestor` or lies under it, compared by whole path segments. */
export const isWithinSubtree = (ancestor: string, target: string): boolean => {
  const above = segments(ancestor);
  const below = segments(target);

  return above.length <= below.length && above.every((segment, i) => segment === below[i]);
};

/** Whether `target` lies strictly under `ancestor` (not the unit itself). */
export const isStrictlyBelow = (ancestor: string, target: string): boolean =>
  ancestor !== target && isWithinSubtree(ancestor, target);

/** Whether the caller may see a target with this org path. */
export const canReach = (
  user: Pick<AuthenticatedUser, 'role' | 'orgPath'>,
  targetOrgPath: string,
): boolean => {
  const scope = scopeOf(user);

  return scope.kind === 'region' || isWithinSubtree(scope.path, targetOrgPath);
};

/**
 * Whether a read may name a unit with this org path to the caller: one it may reach, or one
 * above it (the caller's own path already holds that unit's id). Any other unit a readable
 * record mentions is shown without its id.
 */
export const mayName = (
  user: Pick<AuthenticatedUser, 'role' | 'orgPath'>,
  targetOrgPath: string,
): boolean => {
  const scope = scopeOf(user);

  return (
    scope.kind === 'region' ||
    isWithinSubtree(scope.path, targetOrgPath) ||
    isWithinSubtree(targetOrgPath, scope.path)
  );
};

// An admin's region is above every unit.
const isAbove = (user: Pick<AuthenticatedUser, 'role' | 'orgPath'>, target: string): boolean => {
  const scope = scopeOf(user);

  return scope.kind === 'region' || isStrictlyBelow(scope.path, target);
};

const notFoundError = ({ notFound }: AssertInScopeOptions): Error =>
  notFound?.() ?? new NotFoundError('Not found. / 未找到。');

export interface AssertInScopeOptions {
  /** `write` for commands: an auditor then gets 403 inside its scope. Defaults to `read`. */
  access?: 'read' | 'write';
  /**
   * The error for a target the caller may not see, and for one that does not exist: the same
   * 404 for both, so that ids cannot be probed. Defaults to a generic NotFoundError.
   */
  notFound?: () => Error;
  /**
   * The target must lie strictly under the caller's unit (approvals by the union one level up or
   * higher): the caller's own unit then gets 403. An admin's region is above everything.
   */
  strictlyBelow?: boolean;
}

/**
 * Checks a target against the caller's scope. Pass the target's OWN org path, as the service
 * has it stored (never a path or parent id the caller sent), or `undefined`/`null` if the
 * target does not exist. Outside the scope, or unknown → 404; an auditor writing → 403.
 */
export function assertInScope(
  user: Pick<AuthenticatedUser, 'role' | 'orgPath'>,
  targetOrgPath: string | null | undefined,
  options: AssertInScopeOptions = {},
): asserts targetOrgPath is string {
  if (!targetOrgPath || !canReach(user, targetOrgPath)) throw notFoundError(options);
  if (options.access === 'write' && user.role === 'auditor') throw new ReadOnlyRoleError();
  if (options.strictlyBelow && !isAbove(user, targetOrgPath)) throw new NotAboveTargetError();
}

// LIKE patterns must never be widened by what an id contains.
const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The SQL condition values for "in the caller's scope" on an org-path column, for list
 * queries: `org_path = $1 OR org_path LIKE $2` (with the default `\` escape). `null` for an
 * admin, whose scope is the whole region.
 */
export const subtreeSqlFilter = (
  user: Pick<AuthenticatedUser, 'role' | 'orgPath'>,
): { path: string; descendants: string } | null => {
  const scope = scopeOf(user);

  return scope.kind === 'region'
    ? null
    : { path: scope.path, descendants: `${escapeLike(scope.path)}/%` };
};
