import type { EncryptedValue } from '@taizhang/contracts';
import { IllegalStateError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import { memberJoined, membershipRetained } from '../../test/members/member-events';
import type { Union } from '../unions/union.decider';
import type { BranchAsked, JoinUnion, PlaceMemberInBranch } from './member.commands';
import type { MemberEvent } from './member.decider';
import { evolve, initialState, memberDecider } from './member.decider';

const given = DeciderSpecification.for(memberDecider).given;
const metadata = commandMetadata({ now: '2026-03-01T07:00:00Z', actorRole: 'union_cadre' });
const factory: Union = {
  status: 'Registered',
  id: 'u1',
  name: '乌石化炼油厂工会',
  parentId: 's1',
  orgPath: 'm1/d1/s1/u1',
  establishedOn: '1998-05-01',
};
const sealed = (ct: string): EncryptedValue => ({
  alg: 'A256GCM',
  keyId: 'k1',
  iv: 'AAAAAAAAAAAAAAAA',
  ct,
});
const workshop: BranchAsked = { branchId: 'b1', found: true };
const join = (branch: BranchAsked | null): JoinUnion => ({
  type: 'JoinUnion',
  data: {
    memberId: 'p1',
    name: '王秀英',
    gender: 'female',
    joinedOn: '2020-07-01',
    union: factory,
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
    branch,
  },
  metadata,
});
const place = (branch: BranchAsked | null, placedOn = '2024-01-01'): PlaceMemberInBranch => ({
  type: 'PlaceMemberInBranch',
  data: { branch, placedOn },
  metadata,
});
const placed = (
  branchId: string | null,
  previousBranchId: string | null,
  placedOn = '2024-01-01',
): MemberEvent => ({
  type: 'MemberPlacedInBranch',
  data: { memberId: 'p1', unionId: 'u1', branchId, previousBranchId, placedOn },
});

describe('Member in a branch union or union group (分工会/工会小组)', () => {
  describe('at the join', () => {
    it('places the member in a branch unit of the union', () =>
      given([])
        .when(join(workshop))
        .then(
          memberJoined({
            idCardNumber: sealed('aWQ'),
            birthDate: sealed('Ymly'),
            branchId: 'b1',
          }),
        ));

    it('refuses a branch unit the union does not have, recording nothing', () =>
      given([])
        .when(join({ branchId: 'b9', found: false }))
        .thenThrows(IllegalStateError, /no such branch/));
  });

  describe('by a dated move', () => {
    it('places an active member from a date, saying where they were', () =>
      given([memberJoined()]).when(place(workshop)).then(placed('b1', null)));

    it('moves them to another unit, or out of any', () => {
      given([memberJoined(), placed('b1', null)])
        .when(place({ branchId: 'b2', found: true }, '2025-01-01'))
        .then(placed('b2', 'b1', '2025-01-01'));
      given([memberJoined(), placed('b1', null)])
        .when(place(null, '2025-01-01'))
        .then(placed(null, 'b1', '2025-01-01'));
    });

    it('refuses the unit they are in, an unknown unit, a date before the last change, a member not active', () => {
      given([memberJoined(), placed('b1', null)])
        .when(place(workshop, '2025-01-01'))
        .thenThrows(IllegalStateError, /already in this unit/);
      given([memberJoined()])
        .when(place(null))
        .thenThrows(IllegalStateError, /in no branch/);
      given([memberJoined()])
        .when(place({ branchId: 'b9', found: false }))
        .thenThrows(IllegalStateError, /no such branch/);
      given([memberJoined(), placed('b1', null)])
        .when(place({ branchId: 'b2', found: true }, '2023-12-31'))
        .thenThrows(IllegalStateError, /before the last change/);
      given([memberJoined(), membershipRetained()])
        .when(place(workshop, '2025-06-01'))
        .thenThrows(IllegalStateError, /active member/);
    });

    it('leaves the unit with any other change of the membership (a transfer, a retention)', () => {
      const state = [
        memberJoined(),
        placed('b1', null),
        {
          type: 'MemberTransferred',
          data: {
            memberId: 'p1',
            fromUnionId: 'u1',
            toUnionId: 'u2',
            transferredOn: '2025-01-01',
            joinedOn: '2020-07-01',
            gender: 'female',
            employmentForm: 'regular',
            migrantWorker: false,
          },
        } as MemberEvent,
      ].reduce(evolve, initialState());
      expect(state).toMatchObject({ status: 'Active', unionId: 'u2', branchId: null });
      expect([memberJoined(), placed('b1', null)].reduce(evolve, initialState())).toMatchObject({
        branchId: 'b1',
        since: '2024-01-01',
      });
    });
  });
});
