import { IllegalStateError } from '@taizhang/event-store';
import { commandMetadata, DeciderSpecification } from '@taizhang/testing';

import { memberJoined, membershipRetained as retained } from '../../test/members/member-events';
import type { RetainWithDissolution } from './member.commands';
import type { MemberEvent } from './member.decider';
import { evolve, initialState, memberDecider } from './member.decider';

const given = DeciderSpecification.for(memberDecider).given;
const metadata = commandMetadata({ now: '2026-03-01T07:00:00Z' });
const joined = memberJoined();
const dissolution = (dissolvedOn = '2026-01-01', unionId = 'u1'): RetainWithDissolution => ({
  type: 'RetainWithDissolution',
  data: { unionId, federationId: 's1', dissolvedOn },
  metadata,
});
const heldAbove = (reason: 'union_dissolved' | 'retired'): MemberEvent => ({
  type: 'MembershipRetained',
  data: {
    memberId: 'p1',
    unionId: 'u1',
    reason,
    heldBy: 'federation',
    heldByOrgUnitId: 's1',
    since: '2026-01-01',
  },
});

describe('Member, when their union is dissolved (撤销)', () => {
  it('keeps an active member’s membership, held by the federation above from the dissolution date', () =>
    given([joined]).when(dissolution()).then(heldAbove('union_dissolved')));

  it('passes a membership the union held to the federation, with its own reason', () =>
    given([joined, retained('union')])
      .when(dissolution())
      .then(heldAbove('retired')));

  it('is then retained, held by the federation, still of the dissolved union', () => {
    const state = [joined, heldAbove('union_dissolved')].reduce(evolve, initialState());
    expect(state).toMatchObject({
      status: 'Retained',
      unionId: 'u1',
      since: '2026-01-01',
      retention: { reason: 'union_dissolved', heldBy: 'federation', heldByOrgUnitId: 's1' },
    });
  });

  it('records nothing for a membership the federation holds already, someone elsewhere or gone: running it again is harmless', () => {
    given([joined, retained('federation')])
      .when(dissolution())
      .then([]);
    given([joined, heldAbove('union_dissolved')])
      .when(dissolution())
      .then([]);
    given([joined]).when(dissolution('2026-01-01', 'u9')).then([]);
    given([
      joined,
      {
        type: 'MemberLeft',
        data: { memberId: 'p1', unionId: 'u1', reason: '退休', leftOn: '2025-01-01' },
      },
    ])
      .when(dissolution())
      .then([]);
    given([]).when(dissolution()).then([]);
  });

  it('refuses a dissolution dated before the member’s last change', () =>
    given([joined, retained('union')])
      .when(dissolution('2025-02-28'))
      .thenThrows(IllegalStateError, /after the dissolution date/));
});
