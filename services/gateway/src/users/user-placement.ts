import type { Role } from '@taizhang/auth';

import type { OrgUnitRow } from '../org-tree';
import {
  orgUnitDissolved,
  orgUnitNotFound,
  orgUnitRequired,
  roleDoesNotFitUnit,
} from './user.errors';

/**
 * Checks that an account's role fits its org unit: a union cadre in a grassroots union, a
 * federation officer in a federation (city, district, street), an auditor anywhere, an admin
 * anywhere or nowhere. `unit` is what the org-tree replica knows of `orgUnitId`.
 */
export const checkPlacement = (
  role: Role,
  orgUnitId: string | null,
  unit: Pick<OrgUnitRow, 'kind' | 'dissolved'> | null,
): void => {
  if (orgUnitId === null) {
    if (role !== 'admin') throw orgUnitRequired();

    return;
  }
  if (!unit) throw orgUnitNotFound(orgUnitId);
  if (unit.dissolved) throw orgUnitDissolved(orgUnitId);
  if (role === 'union_cadre' && unit.kind !== 'union') throw roleDoesNotFitUnit(role, unit.kind);
  if (role === 'federation_officer' && unit.kind === 'union')
    throw roleDoesNotFitUnit(role, unit.kind);
};
