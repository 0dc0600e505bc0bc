import { IllegalStateError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { CreateOrgUnit, ParentRef } from './org-unit.commands';
import { orgUnitDecider } from './org-unit.decider';

const given = DeciderSpecification.for(orgUnitDecider).given;
const metadata = commandMetadata({ now: '2026-03-01T00:00:00Z', actorRole: 'admin' });
const street: ParentRef = { id: 's1', kind: 'street', orgPath: 'm1/d1/s1' };
const district: ParentRef = { id: 'd1', kind: 'district', orgPath: 'm1/d1' };
const create = (kind: 'community' | 'village', parent: ParentRef): CreateOrgUnit => ({
  type: 'CreateOrgUnit',
  data: { orgUnitId: 'c1', code: '210104001001', name: '万泉社区工会', kind, parent },
  metadata,
});

describe('Community and village union units (社区/村工会, seed 003)', () => {
  it('creates a community or a village unit under a street', () => {
    for (const kind of ['community', 'village'] as const)
      given([])
        .when(create(kind, street))
        .then({
          type: 'OrgUnitCreated',
          data: {
            orgUnitId: 'c1',
            code: '210104001001',
            name: '万泉社区工会',
            kind,
            parentId: 's1',
            orgPath: 'm1/d1/s1/c1',
          },
        });
  });

  it('refuses one anywhere else than under a street', () =>
    given([])
      .when(create('community', district))
      .thenThrows(IllegalStateError, /社区工会的上级必须是街道/));
});
