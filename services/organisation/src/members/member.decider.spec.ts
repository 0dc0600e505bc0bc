import type { CommandMetadata } from '@taizhang/event-store';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';
import { DeciderSpecification } from '@taizhang/testing';

import type { Union } from '../unions/union.decider';
import type { JoinUnion } from './member.commands';
import { memberDecider } from './member.decider';

const given = DeciderSpecification.for(memberDecider).given;
const metadata: CommandMetadata = {
  now: new Date('2026-03-01T07:00:00Z'),
  actorId: 'cadre-1',
  actorRole: 'union_cadre',
  correlationId: 'c-1',
};
const union: Union = {
  status: 'Registered',
  id: 'u1',
  name: '沈阳机床厂工会',
  parentId: 's1',
  orgPath: 'm1/d1/s1/u1',
  establishedOn: '1998-05-01',
};
const join = (data: Partial<JoinUnion['data']> = {}): JoinUnion => ({
  type: 'JoinUnion',
  data: {
    memberId: 'p1',
    name: '王秀英',
    gender: 'female',
    joinedOn: '2020-07-01',
    union,
    ...data,
  },
  metadata,
});
const joined = {
  type: 'MemberJoined' as const,
  data: {
    memberId: 'p1',
    unionId: 'u1',
    name: '王秀英',
    gender: 'female' as const,
    joinedOn: '2020-07-01',
  },
};

describe('Member', () => {
  describe('when not a member yet', () => {
    it('joins a registered union, the name kept exactly', () =>
      given([]).when(join()).then(joined));

    it('cannot join a union that does not exist', () =>
      given([])
        .when(join({ union: { status: 'None' } }))
        .thenThrows(NotFoundError));

    it('cannot join in the future', () =>
      given([])
        .when(join({ joinedOn: '2026-03-02' }))
        .thenThrows(IllegalStateError, /future/));

    it('cannot join before the union was founded', () =>
      given([])
        .when(join({ joinedOn: '1998-04-30' }))
        .thenThrows(IllegalStateError, /before the union/));
  });

  describe('when already a member', () => {
    it('cannot join again under the same id', () =>
      given([joined])
        .when(join())
        .thenThrows(IllegalStateError, /already exists/));
  });
});
