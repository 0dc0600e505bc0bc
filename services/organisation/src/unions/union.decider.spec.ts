import { IllegalStateError } from '@taizhang/event-store';
import { NATIONAL_RULES_IN_FORCE } from '@taizhang/rules';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import type { EmployerOnRecord, RegisterUnion } from './union.commands';
import { unionDeciderUnder } from './union.decider';

const given = DeciderSpecification.for(unionDeciderUnder(NATIONAL_RULES_IN_FORCE)).given;
// 2026-03-01 07:00 in UTC is already 15:00 on 2026-03-01 in China.
const metadata = commandMetadata({ now: '2026-03-01T07:00:00Z' });
const street = { id: 's1', kind: 'street' as const, orgPath: 'm1/d1/s1' };
const register = (data: Partial<RegisterUnion['data']> = {}): RegisterUnion => ({
  type: 'RegisterUnion',
  data: {
    unionId: 'u1',
    name: '沈阳机床厂工会',
    establishedOn: '1998-05-01',
    parent: street,
    ...data,
  },
  metadata,
});
const registered = {
  type: 'UnionRegistered' as const,
  data: {
    unionId: 'u1',
    name: '沈阳机床厂工会',
    parentId: 's1',
    establishedOn: '1998-05-01',
    orgPath: 'm1/d1/s1/u1',
  },
};

describe('Union', () => {
  describe('when not registered', () => {
    it('registers an existing union under a street, extending its path', () =>
      given([]).when(register()).then(registered));

    it('registers a union directly under a district', () =>
      given([])
        .when(register({ parent: { id: 'd1', kind: 'district', orgPath: 'm1/d1' } }))
        .then({
          ...registered,
          data: { ...registered.data, parentId: 'd1', orgPath: 'm1/d1/u1' },
        }));

    it('refuses a parent that does not exist', () =>
      given([])
        .when(register({ parent: null }))
        .thenThrows(IllegalStateError, /does not exist/));

    it('refuses the municipal federation as a direct parent', () =>
      given([])
        .when(register({ parent: { id: 'm1', kind: 'municipal', orgPath: 'm1' } }))
        .thenThrows(IllegalStateError, /street or district/));

    it('accepts a founding date of today in China and refuses tomorrow', () => {
      given([])
        .when(register({ establishedOn: '2026-03-01' }))
        .then({
          ...registered,
          data: { ...registered.data, establishedOn: '2026-03-01' },
        });
      given([])
        .when(register({ establishedOn: '2026-03-02' }))
        .thenThrows(IllegalStateError, /future/);
    });
  });

  describe('when registered with the employers it covers', () => {
    const open = (id: string, orgPath = `m1/d1/s1/${id}`): EmployerOnRecord => ({
      id,
      status: 'Open',
      orgPath,
    });
    const covering = (
      employerIds: string[],
      employers: EmployerOnRecord[] = employerIds.map((id) => open(id)),
    ) => register({ employerIds, employers });

    it('names them in the event', () =>
      given([])
        .when(covering(['E1', 'E2']))
        .then({ ...registered, data: { ...registered.data, employerIds: ['E1', 'E2'] } }));

    it('leaves them out when none are named', () => given([]).when(covering([])).then(registered));

    it('refuses an employer listed twice', () =>
      given([])
        .when(covering(['E1', 'E1']))
        .thenThrows(IllegalStateError, /listed twice/));

    it('refuses an employer not in the registry', () =>
      given([])
        .when(covering(['E1'], [{ id: 'E1', status: 'None', orgPath: null }]))
        .thenThrows(IllegalStateError, /not in the registry/));

    it('refuses a closed employer', () =>
      given([])
        .when(covering(['E1'], [{ ...open('E1'), status: 'Closed' }]))
        .thenThrows(IllegalStateError, /closed/));

    it('refuses an employer under another federation', () =>
      given([])
        .when(covering(['E1'], [open('E1', 'm1/d1/s2/E1')]))
        .thenThrows(IllegalStateError, /not under the federation/));
  });

  describe('when registered', () => {
    it('refuses to register it again', () =>
      given([registered])
        .when(register())
        .thenThrows(IllegalStateError, /already registered/));
  });
});
