import type { MemberJoined } from '@taizhang/contracts';

import type { MemberEvent } from '../../src/members/member.decider';

/** Member `p1` of union `u1`, retired and kept as a member (保留会籍) since 2025-03-01, by `heldBy`. */
export const membershipRetained = (heldBy: 'union' | 'federation' = 'union'): MemberEvent => ({
  type: 'MembershipRetained',
  data: {
    memberId: 'p1',
    unionId: 'u1',
    reason: 'retired',
    heldBy,
    heldByOrgUnitId: heldBy === 'union' ? 'u1' : 's1',
    since: '2025-03-01',
  },
});

/** 王秀英 (`p1`) joined union `u1` on 2020-07-01 as a regular employee of `e1`; `data` overrides. */
export const memberJoined = (data: Partial<MemberJoined['data']> = {}): MemberJoined => ({
  type: 'MemberJoined',
  data: {
    memberId: 'p1',
    unionId: 'u1',
    name: '王秀英',
    gender: 'female',
    joinedOn: '2020-07-01',
    idCardNumber: null,
    phone: null,
    birthDate: null,
    employerId: 'e1',
    employmentForm: 'regular',
    migrantWorker: false,
    channel: 'individual',
    ...data,
  },
});
