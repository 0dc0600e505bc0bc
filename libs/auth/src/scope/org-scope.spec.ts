import fc from 'fast-check';

import { NotFoundError } from '@taizhang/event-store';

import type { AuthenticatedUser } from '../authenticated-user';
import {
  assertInScope,
  canReach,
  isWithinSubtree,
  mayName,
  scopeOf,
  subtreeSqlFilter,
} from './org-scope';
import { NotAboveTargetError, ReadOnlyRoleError } from './scope.errors';

type Caller = Pick<AuthenticatedUser, 'role' | 'orgPath'>;

const city = 'c';
const district = 'c/d1';
const neighbour = 'c/d10';
const street = 'c/d1/s1';
const union = 'c/d1/s1/u1';
const otherUnion = 'c/d1/s1/u2';
const branch = 'c/d1/s1/u1/b1';

const cadre: Caller = { role: 'union_cadre', orgPath: union };
const districtOfficer: Caller = { role: 'federation_officer', orgPath: district };
const auditor: Caller = { role: 'auditor', orgPath: district };
const admin: Caller = { role: 'admin', orgPath: null };

const thrown = (fn: () => void): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }

  return undefined;
};

describe('org scope', () => {
  describe('a union cadre', () => {
    it('reaches its own union and the branch unions under it', () => {
      expect(canReach(cadre, union)).toBe(true);
      expect(canReach(cadre, branch)).toBe(true);
    });

    it('reaches neither the federations above nor a sibling union', () => {
      for (const path of [city, district, street, otherUnion])
        expect(canReach(cadre, path)).toBe(false);
    });
  });

  describe('a federation officer', () => {
    it('reaches its unit and everything under it', () => {
      for (const path of [district, street, union, branch])
        expect(canReach(districtOfficer, path)).toBe(true);
    });

    it('does not reach the unit above, nor a neighbour whose id starts like its own', () => {
      expect(canReach(districtOfficer, city)).toBe(false);
      expect(canReach(districtOfficer, neighbour)).toBe(false);
      expect(canReach(districtOfficer, `${neighbour}/s9/u9`)).toBe(false);
    });
  });

  describe('an admin', () => {
    it('reaches the whole region', () => {
      expect(scopeOf(admin)).toEqual({ kind: 'region' });
      for (const path of [city, neighbour, branch]) expect(canReach(admin, path)).toBe(true);
    });
  });

  describe('assertInScope', () => {
    it('answers 404 outside the scope and for an unknown target alike', () => {
      const outside = thrown(() => assertInScope(cadre, otherUnion));
      const unknown = thrown(() => assertInScope(cadre, undefined));

      expect(outside).toBeInstanceOf(NotFoundError);
      expect(unknown).toBeInstanceOf(NotFoundError);
      expect((outside as Error).message).toBe((unknown as Error).message);
    });

    it("throws the service's own not-found error, so the two cannot be told apart", () => {
      const notFound = () => new NotFoundError('Union u2 does not exist.');

      expect(thrown(() => assertInScope(cadre, otherUnion, { notFound }))).toEqual(notFound());
    });

    it('lets an auditor read in its subtree, answers 403 to its writes there and 404 outside', () => {
      expect(thrown(() => assertInScope(auditor, union))).toBeUndefined();
      expect(thrown(() => assertInScope(auditor, union, { access: 'write' }))).toBeInstanceOf(
        ReadOnlyRoleError,
      );
      expect(thrown(() => assertInScope(auditor, neighbour, { access: 'write' }))).toBeInstanceOf(
        NotFoundError,
      );
    });

    it('lets the others write in their scope', () => {
      expect(thrown(() => assertInScope(cadre, union, { access: 'write' }))).toBeUndefined();
      expect(
        thrown(() => assertInScope(districtOfficer, union, { access: 'write' })),
      ).toBeUndefined();
    });

    it('asks for a unit strictly above the target when told to (approvals)', () => {
      expect(
        thrown(() => assertInScope(districtOfficer, union, { strictlyBelow: true })),
      ).toBeUndefined();
      expect(thrown(() => assertInScope(cadre, union, { strictlyBelow: true }))).toBeInstanceOf(
        NotAboveTargetError,
      );
      expect(thrown(() => assertInScope(admin, union, { strictlyBelow: true }))).toBeUndefined();
    });

    it('refuses everything to a non-admin whose token somehow has no path', () => {
      expect(canReach({ role: 'federation_officer', orgPath: null }, city)).toBe(false);
    });
  });

  describe('mayName', () => {
    it('names to a cadre its subtree and the units above it, never a sibling or a neighbour', () => {
      for (const path of [union, branch, street, district, city])
        expect(mayName(cadre, path)).toBe(true);
      for (const path of [otherUnion, neighbour, `${district}/s2`])
        expect(mayName(cadre, path)).toBe(false);
      expect(mayName(admin, neighbour)).toBe(true);
      expect(mayName({ role: 'auditor', orgPath: null }, city)).toBe(false);
    });
  });

  describe('subtreeSqlFilter', () => {
    it('gives the path and an escaped LIKE pattern of its descendants; nothing for an admin', () => {
      expect(subtreeSqlFilter(districtOfficer)).toEqual({ path: district, descendants: 'c/d1/%' });
      expect(subtreeSqlFilter({ role: 'union_cadre', orgPath: 'c/a_b%' })).toEqual({
        path: 'c/a_b%',
        descendants: 'c/a\\_b\\%/%',
      });
      expect(subtreeSqlFilter(admin)).toBeNull();
    });
  });

  describe('isWithinSubtree', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,6}$/);
    const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((s) => s.join('/'));

    it('holds exactly when the ancestor is a whole-segment prefix of the target', () => {
      fc.assert(
        fc.property(path, path, (ancestor, rest) => {
          expect(isWithinSubtree(ancestor, `${ancestor}/${rest}`)).toBe(true);
          expect(isWithinSubtree(ancestor, ancestor)).toBe(true);
          // Extending the last segment makes a sibling, never a descendant.
          expect(isWithinSubtree(ancestor, `${ancestor}x`)).toBe(false);
          expect(isWithinSubtree(`${ancestor}/${rest}`, ancestor)).toBe(false);
        }),
      );
    });
  });
});
