import type { EncryptedValue } from '@taizhang/contracts';
import { IllegalStateError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import { memberJoined } from '../../test/members/member-events';
import type { ParentRef } from '../org-units';
import type { JoinUnion, MoveWithFounding } from './member.commands';
import type { MemberEvent } from './member.decider';
import { evolve, initialState, memberDecider } from './member.decider';

const given = DeciderSpecification.for(memberDecider).given;
const metadata = commandMetadata({ now: '2026-03-01T07:00:00Z', actorRole: 'federation_officer' });
const community: ParentRef = { id: 'c1', kind: 'community', orgPath: 'm1/d1/s1/c1' };
const sealed = (ct: string): EncryptedValue => ({
  alg: 'A256GCM',
  keyId: 'k1',
  iv: 'AAAAAAAAAAAAAAAA',
  ct,
});
const joinHeld = (holder: ParentRef): JoinUnion => ({
  type: 'JoinUnion',
  data: {
    memberId: 'p1',
    name: '王秀英',
    gender: 'female',
    joinedOn: '2020-07-01',
    union: { status: 'None' },
    idCard: { birthDate: '1985-03-12', gender: 'female' },
    statedBirthDate: null,
    employerId: 'e1',
    employmentForm: 'regular',
    migrantWorker: false,
    channel: 'individual',
    personalData: {
      keyId: 'k1',
      idCardNumber: sealed('aWQ'),
      phone: null,
      birthDate: sealed('Ymly'),
    },
    branch: null,
    holder,
  },
  metadata,
});
const held = (data: Partial<Parameters<typeof memberJoined>[0]> = {}) =>
  memberJoined({ unionId: 'c1', heldByFederation: true, ...data });
const found = (data: Partial<MoveWithFounding['data']> = {}): MoveWithFounding => ({
  type: 'MoveWithFounding',
  data: {
    holderIds: ['s1', 'c1'],
    employerIds: ['e1'],
    toUnionId: 'u9',
    foundedOn: '2025-05-01',
    ...data,
  },
  metadata,
});
const movedIn = (transferredOn = '2025-05-01'): MemberEvent => ({
  type: 'MemberTransferred',
  data: {
    memberId: 'p1',
    fromUnionId: 'c1',
    toUnionId: 'u9',
    transferredOn,
    joinedOn: '2020-07-01',
    gender: 'female',
    employmentForm: 'regular',
    migrantWorker: false,
    cause: 'founding',
  },
});

describe('Members held before their workplace has a union (seed 003)', () => {
  describe('a join to a street, community or village', () => {
    it('records the member held by the unit, with their employer', () =>
      given([])
        .when(joinHeld(community))
        .then(held({ idCardNumber: sealed('aWQ'), birthDate: sealed('Ymly') })));

    it('refuses a district or the city as the holder', () =>
      given([])
        .when(joinHeld({ id: 'd1', kind: 'district', orgPath: 'm1/d1' }))
        .thenThrows(IllegalStateError, /street, community or village/));

    it('refuses a branch unit, which a federation unit does not have', () =>
      given([])
        .when({
          ...joinHeld(community),
          data: { ...joinHeld(community).data, branch: { branchId: 'b1', found: false } },
        })
        .thenThrows(IllegalStateError, /no such branch/));

    it('keeps them held until a transfer', () => {
      expect([held()].reduce(evolve, initialState())).toMatchObject({
        status: 'Active',
        unionId: 'c1',
        heldByFederation: true,
      });
      expect([held(), movedIn()].reduce(evolve, initialState())).toMatchObject({
        status: 'Active',
        unionId: 'u9',
        heldByFederation: undefined,
      });
    });
  });

  describe('a founding at their employer', () => {
    it('moves a held member of one of the union’s employers into it, dated the founding', () =>
      given([held()]).when(found()).then(movedIn()));

    it('dates the move at the member’s own join when that came after the founding date', () =>
      given([held({ joinedOn: '2025-06-01' })])
        .when(found())
        .then({
          ...movedIn('2025-06-01'),
          data: {
            ...(movedIn('2025-06-01').data as object),
            joinedOn: '2025-06-01',
          } as never,
        }));

    it('leaves everyone else where they are: another employer, another holder, a union’s member, one who left', () => {
      given([held({ employerId: 'e2' })])
        .when(found())
        .then([]);
      given([held({ employerId: null })])
        .when(found())
        .then([]);
      given([held({ unionId: 'c7' })])
        .when(found())
        .then([]);
      given([memberJoined({ unionId: 'c1' })])
        .when(found())
        .then([]);
      given([
        held(),
        {
          type: 'MemberLeft',
          data: { memberId: 'p1', unionId: 'c1', reason: '离职', leftOn: '2024-01-01' },
        },
      ])
        .when(found())
        .then([]);
      given([held(), movedIn()]).when(found()).then([]);
    });
  });
});
