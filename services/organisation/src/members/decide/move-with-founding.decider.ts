import type { MemberTransferred } from '@taizhang/contracts';

import type { MoveWithFounding } from '../member.commands';
import type { Member } from '../member.state';

const later = (a: string, b: string): string => (a > b ? a : b);

/**
 * Seed 003 (先由上级工会…发展会员,然后再在会员所在企业建立工会组织): once a union is founded at
 * an employer, every member a federation held for that employer — the new union's federation or
 * a community or village below it — moves into the union, dated the founding (or the member's
 * own last change, for one entered after it). Anyone else stays: nothing is recorded, so running
 * it again changes nothing.
 */
export const moveWithFounding = (command: MoveWithFounding, state: Member): MemberTransferred[] => {
  const { holderIds, employerIds, toUnionId, foundedOn } = command.data;
  if (state.status !== 'Active' || !state.heldByFederation) return [];
  if (!holderIds.includes(state.unionId)) return [];
  if (state.employerId === null || !employerIds.includes(state.employerId)) return [];

  return [
    {
      type: 'MemberTransferred',
      data: {
        memberId: state.memberId,
        fromUnionId: state.unionId,
        toUnionId,
        transferredOn: later(foundedOn, state.since),
        joinedOn: state.joinedOn,
        gender: state.gender,
        employmentForm: state.employmentForm,
        migrantWorker: state.migrantWorker,
        cause: 'founding',
      },
    },
  ];
};
