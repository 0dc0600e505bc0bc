import { IllegalStateError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { Union } from '../unions';
import type { CreateBranchUnit } from './branch-units.commands';
import type { BranchUnitsEvent } from './branch-units.decider';
import { branchUnitsDecider } from './branch-units.decider';

const spec = DeciderSpecification.for(branchUnitsDecider);
const metadata = commandMetadata({ now: '2026-03-01T07:00:00Z', actorRole: 'union_cadre' });
const union: Union = {
  status: 'Registered',
  id: 'u1',
  name: '乌石化炼油厂工会',
  parentId: 's1',
  orgPath: 'm1/d1/s1/u1',
  establishedOn: '1998-05-01',
};
const create = (data: Partial<CreateBranchUnit['data']> = {}): CreateBranchUnit => ({
  type: 'CreateBranchUnit',
  data: {
    branchId: 'b1',
    kind: 'branch_union',
    name: '化水车间工会',
    establishedOn: '2009-03-01',
    union,
    ...data,
  },
  metadata,
});
const created: BranchUnitsEvent = {
  type: 'BranchUnitCreated',
  data: {
    branchId: 'b1',
    unionId: 'u1',
    kind: 'branch_union',
    name: '化水车间工会',
    establishedOn: '2009-03-01',
  },
};

describe('Branch units (分工会/工会小组)', () => {
  it('sets up a branch union under an active union', () =>
    spec.given([]).when(create()).then(created));

  it('sets up a union group beside it, under another name', () =>
    spec
      .given([created])
      .when(create({ branchId: 'b2', kind: 'union_group', name: '化验班工会小组' }))
      .then({
        type: 'BranchUnitCreated',
        data: { ...created.data, branchId: 'b2', kind: 'union_group', name: '化验班工会小组' },
      }));

  it('refuses a name already used, a date before the union’s founding or in the future', () => {
    spec
      .given([created])
      .when(create({ branchId: 'b2' }))
      .thenThrows(IllegalStateError, /already has a unit named/);
    spec
      .given([])
      .when(create({ establishedOn: '1990-01-01' }))
      .thenThrows(IllegalStateError, /before its union was founded/);
    spec
      .given([])
      .when(create({ establishedOn: '2026-03-02' }))
      .thenThrows(IllegalStateError, /future/);
  });

  it('refuses a union that was dissolved', () =>
    spec
      .given([])
      .when(
        create({
          union: {
            status: 'Dissolved',
            id: 'u1',
            name: 'x',
            orgPath: 'm1/d1/s1/u1',
            dissolvedOn: '2020-01-01',
          },
        }),
      )
      .thenThrows(IllegalStateError, /dissolved/));
});
