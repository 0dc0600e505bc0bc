import type { EncryptedValue, MemberJoined } from '@taizhang/contracts';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import { memberJoined, membershipRetained as retained } from '../../test/members/member-events';
import type { Union } from '../unions/union.decider';
import type {
  ErasePersonalData,
  JoinUnion,
  LeaveUnion,
  RetainMembership,
  TransferMember,
} from './member.commands';
import type { MemberEvent } from './member.decider';
import { evolve, initialState, memberDecider } from './member.decider';

const given = DeciderSpecification.for(memberDecider).given;
const metadata = commandMetadata({ now: '2026-03-01T07:00:00Z', actorRole: 'union_cadre' });
const registered = (id: string, establishedOn: string, parentId = 's1'): Union => ({
  status: 'Registered',
  id,
  name: `${id} 工会`,
  parentId,
  orgPath: `m1/d1/${parentId}/${id}`,
  establishedOn,
});
const factory = registered('u1', '1998-05-01');
const market = registered('u2', '2012-10-18', 's2');
const sealed = (keyId: string, ct: string): EncryptedValue => ({
  alg: 'A256GCM',
  keyId,
  iv: 'AAAAAAAAAAAAAAAA',
  ct,
});
const personalData = (keyId = 'k1') => ({
  keyId,
  idCardNumber: sealed(keyId, 'aWQtY2FyZC1jaXBoZXJ0ZXh0'),
  phone: sealed(keyId, 'cGhvbmUtY2lwaGVydGV4dC0'),
  birthDate: sealed(keyId, 'YmlydGgtY2lwaGVydGV4dC0'),
});

const join = (data: Partial<JoinUnion['data']> = {}): JoinUnion => ({
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
    personalData: personalData(),
    ...data,
  },
  metadata,
});
const joined = (data: Partial<MemberJoined['data']> = {}): MemberJoined => {
  const { idCardNumber, phone, birthDate } = personalData();

  return memberJoined({ idCardNumber, phone, birthDate, ...data });
};
const transfer = (data: Partial<TransferMember['data']> = {}): TransferMember => ({
  type: 'TransferMember',
  data: { toUnion: market, transferredOn: '2024-01-02', ...data },
  metadata,
});
const transferred: MemberEvent = {
  type: 'MemberTransferred',
  data: {
    memberId: 'p1',
    fromUnionId: 'u1',
    toUnionId: 'u2',
    transferredOn: '2024-01-02',
    joinedOn: '2020-07-01',
    gender: 'female',
    employmentForm: 'regular',
    migrantWorker: false,
  },
};
const leave = (data: Partial<LeaveUnion['data']> = {}): LeaveUnion => ({
  type: 'LeaveUnion',
  data: { reason: '本人申请退会', leftOn: '2025-06-30', ...data },
  metadata,
});
const left = (leftOn = '2025-06-30', unionId = 'u1'): MemberEvent => ({
  type: 'MemberLeft',
  data: { memberId: 'p1', unionId, reason: '本人申请退会', leftOn },
});
const retain = (data: Partial<RetainMembership['data']> = {}): RetainMembership => ({
  type: 'RetainMembership',
  data: {
    reason: 'retired',
    heldBy: 'union',
    since: '2025-03-01',
    union: factory,
    federation: { id: 's1', kind: 'street', orgPath: 'm1/d1/s1' },
    ...data,
  },
  metadata,
});
const erase: ErasePersonalData = {
  type: 'ErasePersonalData',
  data: { reason: '本人申请删除个人信息' },
  metadata,
};
const erased: MemberEvent = {
  type: 'MemberPersonalDataErased',
  data: { memberId: 'p1', keyId: 'k1', reason: '本人申请删除个人信息' },
};

describe('Member', () => {
  describe('when the person has never joined', () => {
    it('joins a registered union with the personal data sealed, the name kept exactly', () =>
      given([]).when(join()).then(joined()));

    it('cannot join a union that does not exist', () =>
      given([])
        .when(join({ union: { status: 'None' } }))
        .thenThrows(NotFoundError));

    it('cannot join in the future (China time)', () =>
      given([])
        .when(join({ joinedOn: '2026-03-02' }))
        .thenThrows(IllegalStateError, /future/));

    it('cannot join before the union was founded', () =>
      given([])
        .when(join({ joinedOn: '1998-04-30' }))
        .thenThrows(IllegalStateError, /before the union/));

    it('must give the gender the ID card number says', () =>
      given([])
        .when(join({ gender: 'male' }))
        .thenThrows(IllegalStateError, /gender does not match/));

    it('must give the birth date the ID card number says, if one is given', () =>
      given([])
        .when(join({ statedBirthDate: '1985-03-13' }))
        .thenThrows(IllegalStateError, /birth date does not match/));

    it('accepts a stated birth date that matches', () =>
      given([])
        .when(join({ statedBirthDate: '1985-03-12' }))
        .then(joined()));

    it('must be 16 on the join date', () => {
      given([])
        .when(join({ idCard: { birthDate: '2004-07-02', gender: 'female' } }))
        .thenThrows(IllegalStateError, /at least 16/);
      given([])
        .when(join({ idCard: { birthDate: '2004-07-01', gender: 'female' } }))
        .then(joined());
    });

    it('joins at source only as a migrant worker', () => {
      given([])
        .when(join({ channel: 'at_source' }))
        .thenThrows(IllegalStateError, /migrant workers only/);
      given([])
        .when(join({ channel: 'at_source', migrantWorker: true }))
        .then(joined({ channel: 'at_source', migrantWorker: true }));
    });
  });

  describe('when an active member', () => {
    it('cannot join a second union: the same person counts once in the region', () =>
      given([joined()])
        .when(join({ union: market }))
        .thenThrows(IllegalStateError, /already a member/));

    it('transfers to another union, keeping the original join date', () =>
      given([joined()]).when(transfer()).then(transferred));

    it('cannot be transferred into the union it is in', () =>
      given([joined()])
        .when(transfer({ toUnion: factory }))
        .thenThrows(IllegalStateError, /already belongs/));

    it('cannot be transferred into a union that does not exist', () =>
      given([joined()])
        .when(transfer({ toUnion: { status: 'None' } }))
        .thenThrows(IllegalStateError, /receiving union does not exist/));

    it('cannot be transferred in the future, nor before joining', () => {
      given([joined()])
        .when(transfer({ transferredOn: '2026-03-02' }))
        .thenThrows(IllegalStateError, /future/);
      given([joined()])
        .when(transfer({ transferredOn: '2020-06-30' }))
        .thenThrows(IllegalStateError, /before the member joined/);
    });

    it('cannot be transferred before the receiving union was founded', () =>
      given([joined()])
        .when(transfer({ toUnion: registered('u3', '2024-05-01'), transferredOn: '2024-04-30' }))
        .thenThrows(IllegalStateError, /founded only on/));

    it('cannot be transferred back before the last transfer', () =>
      given([joined(), transferred])
        .when(transfer({ toUnion: factory, transferredOn: '2024-01-01' }))
        .thenThrows(IllegalStateError, /last change/));

    it('leaves with the reason as recorded', () =>
      given([joined(), transferred]).when(leave()).then(left('2025-06-30', 'u2')));

    it('cannot leave before joining, nor in the future', () => {
      given([joined()])
        .when(leave({ leftOn: '2019-01-01' }))
        .thenThrows(IllegalStateError, /before the member joined/);
      given([joined()])
        .when(leave({ leftOn: '2027-01-01' }))
        .thenThrows(IllegalStateError, /future/);
    });

    it('retains the membership in its union', () =>
      given([joined()]).when(retain()).then(retained('union')));

    it('retains the membership with the federation above its union', () =>
      given([joined()])
        .when(retain({ heldBy: 'federation' }))
        .then(retained('federation')));

    it('is held by the federation once its union is dissolved, never by the dissolved union', () => {
      const dissolved: Union = {
        status: 'Dissolved',
        id: 'u1',
        name: 'u1 工会',
        orgPath: 'm1/d1/s1/u1',
        dissolvedOn: '2025-02-28',
      };
      given([joined()])
        .when(retain({ union: dissolved }))
        .thenThrows(IllegalStateError, /dissolved union holds no memberships/);
      given([joined()])
        .when(retain({ union: dissolved, heldBy: 'federation' }))
        .then(retained('federation'));
    });

    it('cannot be transferred into a dissolved union', () =>
      given([joined()])
        .when(
          transfer({
            toUnion: {
              status: 'Dissolved',
              id: 'u2',
              name: 'u2 工会',
              orgPath: 'm1/d1/s2/u2',
              dissolvedOn: '2023-01-01',
            },
          }),
        )
        .thenThrows(IllegalStateError, /was dissolved/));

    it('cannot be held by a federation that does not exist', () =>
      given([joined()])
        .when(retain({ heldBy: 'federation', federation: null }))
        .thenThrows(IllegalStateError, /federation above/));

    it('cannot have its personal data erased while a member', () =>
      given([joined()])
        .when(erase)
        .thenThrows(IllegalStateError, /after the member has left/));
  });

  describe('when the membership is retained', () => {
    it('cannot be retained again', () =>
      given([joined(), retained()])
        .when(retain({ since: '2025-04-01' }))
        .thenThrows(IllegalStateError, /already retained/));

    it('is restored by a transfer, even into the same union', () =>
      given([joined(), retained()])
        .when(transfer({ toUnion: factory, transferredOn: '2025-09-01' }))
        .then({
          type: 'MemberTransferred',
          data: {
            ...(transferred.data as object),
            toUnionId: 'u1',
            transferredOn: '2025-09-01',
          } as never,
        }));

    it('cannot rejoin: the membership is restored by a transfer', () =>
      given([joined(), retained()])
        .when(join({ union: market, joinedOn: '2025-09-01' }))
        .thenThrows(IllegalStateError, /membership is retained/));

    it('ends when the member leaves', () =>
      given([joined(), retained()]).when(leave()).then(left()));
  });

  describe('when the member has left', () => {
    it('cannot be transferred', () =>
      given([joined(), left()])
        .when(transfer({ transferredOn: '2025-07-01' }))
        .thenThrows(IllegalStateError, /who left cannot be transferred/));

    it('cannot leave twice, nor be retained', () => {
      given([joined(), left()])
        .when(leave({ leftOn: '2025-07-01' }))
        .thenThrows(IllegalStateError, /already left/);
      given([joined(), left()])
        .when(retain({ since: '2025-07-01' }))
        .thenThrows(IllegalStateError, /no membership to retain/);
    });

    it('rejoins later under the same key, with a new join date', () =>
      given([joined(), left()])
        .when(join({ union: market, joinedOn: '2025-08-01' }))
        .then(joined({ unionId: 'u2', joinedOn: '2025-08-01' })));

    it('cannot rejoin before the date it left', () =>
      given([joined(), left()])
        .when(join({ union: market, joinedOn: '2025-06-29' }))
        .thenThrows(IllegalStateError, /before the day this person last left a union/));

    it('has its personal data erased', () => given([joined(), left()]).when(erase).then(erased));

    it('cannot be erased twice', () =>
      given([joined(), left(), erased])
        .when(erase)
        .thenThrows(IllegalStateError, /already erased/));

    it('rejoins after an erasure only under a new key', () => {
      given([joined(), left(), erased])
        .when(join({ joinedOn: '2025-08-01' }))
        .thenThrows(IllegalStateError, /changed while/);
      given([joined(), left(), erased])
        .when(join({ joinedOn: '2025-08-01', personalData: personalData('k2') }))
        .then(
          joined({
            joinedOn: '2025-08-01',
            idCardNumber: personalData('k2').idCardNumber,
            phone: personalData('k2').phone,
            birthDate: personalData('k2').birthDate,
          }),
        );
    });

    it('has nothing to erase when it joined before personal data was kept (v1)', () =>
      given([
        joined({
          idCardNumber: null,
          phone: null,
          birthDate: null,
          employerId: null,
          employmentForm: null,
          migrantWorker: null,
          channel: null,
        }),
        left(),
      ])
        .when(erase)
        .thenThrows(IllegalStateError, /No personal data/));
  });

  describe('for a person who never joined', () => {
    it.each([transfer(), leave(), retain(), erase])('answers $type with 404', (command) =>
      given([]).when(command).thenThrows(NotFoundError),
    );
  });

  it('keeps the whole history, oldest first', () => {
    const state = [joined(), transferred, retained(), left('2025-06-30', 'u2')].reduce(
      evolve,
      initialState(),
    );

    expect(state).toMatchObject({
      status: 'Left',
      joinedOn: '2020-07-01',
      history: [
        { step: 'joined', on: '2020-07-01', unionId: 'u1' },
        { step: 'transferred', on: '2024-01-02', unionId: 'u2', fromUnionId: 'u1' },
        { step: 'retained', on: '2025-03-01', unionId: 'u2', heldBy: 'union' },
        { step: 'left', on: '2025-06-30', unionId: 'u2' },
      ],
    });
  });
});
