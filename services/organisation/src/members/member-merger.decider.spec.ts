import { IllegalStateError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import { memberJoined, membershipRetained as retained } from '../../test/members/member-events';
import type { MoveWithMerger } from './member.commands';
import type { MemberEvent } from './member.decider';
import { evolve, initialState, memberDecider } from './member.decider';

const given = DeciderSpecification.for(memberDecider).given;
const metadata = commandMetadata({ now: '2026-03-01T07:00:00Z' });
const joined = memberJoined({ employmentForm: 'new_form', migrantWorker: true });
const merger = (mergedOn = '2026-01-01', fromUnionId = 'u1'): MoveWithMerger => ({
  type: 'MoveWithMerger',
  data: { fromUnionId, toUnionId: 'u2', mergedOn },
  metadata,
});
const movedData = {
  memberId: 'p1',
  fromUnionId: 'u1',
  toUnionId: 'u2',
  transferredOn: '2026-01-01',
  joinedOn: '2020-07-01',
  gender: 'female',
  employmentForm: 'new_form',
  migrantWorker: true,
  cause: 'merger',
} as const;

describe('Member, when their union merges (合并)', () => {
  it('moves an active member with the merger, join date and what they count as kept', () =>
    given([joined]).when(merger()).then({ type: 'MemberTransferred', data: movedData }));

  it('moves a retained membership the union holds, still retained', () =>
    given([joined, retained('union')])
      .when(merger())
      .then({
        type: 'MemberTransferred',
        data: { ...movedData, retention: { reason: 'retired', since: '2025-03-01' } },
      }));

  it('stays retained after the move, now held by the receiving union', () => {
    const moved: MemberEvent = {
      type: 'MemberTransferred',
      data: { ...movedData, retention: { reason: 'retired', since: '2025-03-01' } },
    };
    const state = [joined, retained('union'), moved].reduce(evolve, initialState());
    expect(state).toMatchObject({
      status: 'Retained',
      unionId: 'u2',
      joinedOn: '2020-07-01',
      since: '2026-01-01',
      retention: { reason: 'retired', heldBy: 'union', heldByOrgUnitId: 'u2', since: '2025-03-01' },
    });
    expect(state.status !== 'None' && state.history.map((step) => step.step)).toEqual([
      'joined',
      'retained',
      'transferred',
    ]);
  });

  it('leaves a retained membership the federation holds where it is', () =>
    given([joined, retained('federation')])
      .when(merger())
      .then([]));

  it('records nothing for a member who already moved elsewhere or left: running it again is harmless', () => {
    given([joined, { type: 'MemberTransferred', data: movedData }])
      .when(merger())
      .then([]);
    given([joined]).when(merger('2026-01-01', 'u9')).then([]);
    given([
      joined,
      {
        type: 'MemberLeft',
        data: { memberId: 'p1', unionId: 'u1', reason: '退休', leftOn: '2025-01-01' },
      },
    ])
      .when(merger())
      .then([]);
  });

  it('refuses a merger dated before the member’s last change', () =>
    given([joined, retained('union')])
      .when(merger('2025-02-28'))
      .thenThrows(IllegalStateError, /after the merger date/));
});
