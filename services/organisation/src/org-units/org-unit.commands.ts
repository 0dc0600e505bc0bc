import type { FederationKind } from '@taizhang/contracts';
import type { Command } from '@taizhang/event-store';

/** What a new unit is placed under, as the parent's own stream says. */
export interface ParentRef {
  id: string;
  kind: FederationKind;
  orgPath: string;
}

export type CreateOrgUnit = Command<
  'CreateOrgUnit',
  { orgUnitId: string; code: string; name: string; kind: FederationKind; parent: ParentRef | null }
>;

/** 更名: a new name from a date. */
export type RenameOrgUnit = Command<'RenameOrgUnit', { name: string; effectiveOn: string }>;

/**
 * Where a unit moves to and from when. `currentOrgPath` is the unit's path in the tree now, which
 * its own stream does not know when a unit above it moved.
 */
export interface MoveData {
  parent: ParentRef | null;
  effectiveOn: string;
  currentOrgPath: string;
}

/** 隶属关系调整: under another parent from a date (a street to another district, say). */
export type MoveOrgUnit = Command<'MoveOrgUnit', MoveData>;

export type OrgUnitCommand = CreateOrgUnit | RenameOrgUnit | MoveOrgUnit;
