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
