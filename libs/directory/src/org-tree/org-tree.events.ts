import type { OrganisationEvent } from '@taizhang/contracts';

import type { Placement } from './place-unit';

// Placed at creation "since always": a unit's creation records no business date, and the tree
// as first recorded is the tree as it was until a move says otherwise.
export const SINCE_ALWAYS = '-infinity';

/** What one of organisation's events does to the org tree (pure: the SQL applies it). */
export type OrgTreeChange =
  | {
      type: 'created';
      placement: Placement;
      unit: { unitId: string; kind: string; name: string; orgPath: string };
    }
  | { type: 'moved'; placement: Placement; orgPath: string }
  | { type: 'renamed'; unitId: string; name: string }
  | { type: 'ended'; unitId: string };

/** The change `event` makes to the tree, or null when it makes none. */
export const orgTreeChangeOf = (event: { type: string; data: unknown }): OrgTreeChange | null => {
  const { type, data } = event as OrganisationEvent;
  switch (type) {
    case 'OrgUnitCreated':
      return {
        type: 'created',
        placement: {
          unitId: data.orgUnitId,
          validFrom: SINCE_ALWAYS,
          parentId: data.parentId,
          kind: data.kind,
        },
        unit: {
          unitId: data.orgUnitId,
          kind: data.kind,
          name: data.name,
          orgPath: data.orgPath,
        },
      };
    case 'UnionRegistered':
    case 'UnionEstablished':
      return {
        type: 'created',
        placement: {
          unitId: data.unionId,
          validFrom: SINCE_ALWAYS,
          parentId: data.parentId,
          kind: 'union',
        },
        unit: {
          unitId: data.unionId,
          kind: 'union',
          name: data.name,
          orgPath: data.orgPath,
        },
      };
    case 'OrgUnitMoved':
      return {
        type: 'moved',
        placement: {
          unitId: data.orgUnitId,
          validFrom: data.effectiveOn,
          parentId: data.parentId,
          kind: data.unitKind,
        },
        orgPath: data.orgPath,
      };
    case 'OrgUnitRenamed':
      return { type: 'renamed', unitId: data.orgUnitId, name: data.name };
    case 'UnionRenamed':
      return { type: 'renamed', unitId: data.unionId, name: data.name };
    case 'UnionDissolved':
    case 'UnionMerged':
      // A merged union ends as a dissolved one does.
      return { type: 'ended', unitId: data.unionId };
    default:
      return null;
  }
};
