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

export type OrgUnitCommand = CreateOrgUnit;
