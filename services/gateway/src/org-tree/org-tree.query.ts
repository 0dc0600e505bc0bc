import type { Pool } from 'pg';

import type { OrgUnitNow } from '@taizhang/directory';
import { listOrgUnits as listUnitsNow, whereIsUnit } from '@taizhang/directory';

/** The kinds of org unit the gateway knows: the federation levels and grassroots unions. */
export type OrgUnitKind = 'municipal' | 'district' | 'street' | 'community' | 'village' | 'union';

/** One org unit as the gateway's replica knows it (an ended union is `dissolved` to admins). */
export interface OrgUnitRow {
  orgUnitId: string;
  parentId: string | null;
  kind: OrgUnitKind;
  orgPath: string;
  name: string;
  dissolved: boolean;
}

const toRow = ({ ended, kind, ...unit }: OrgUnitNow): OrgUnitRow => ({
  ...unit,
  kind: kind as OrgUnitKind,
  dissolved: ended,
});

/** The unit with this id, or null if the replica has not heard of it. */
export const findOrgUnit = async (pool: Pool, orgUnitId: string): Promise<OrgUnitRow | null> => {
  const unit = await whereIsUnit(pool, orgUnitId);

  return unit && toRow(unit);
};

/** Every known unit, in path order (a parent before its children). */
export const listOrgUnits = async (
  pool: Pool,
  page: { limit: number; offset: number },
): Promise<OrgUnitRow[]> => (await listUnitsNow(pool, page)).map(toRow);
