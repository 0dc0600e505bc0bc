import type { Caller } from '@taizhang/auth';
import { WRITE_FROM_ABOVE } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult, OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';

import { decideForMembersOf } from '../members';
import { runUnionCommandInScope } from '../unions';

export interface DissolutionRequest {
  dissolvedOn: string;
  reason: string;
}

/** The federation one level up, at the path the union's current path gives it. */
const federationAbove = (union: { parentId: string; orgPath: string }): OrgUnitRef => ({
  id: union.parentId,
  path: union.orgPath.slice(0, union.orgPath.lastIndexOf('/')),
});

/**
 * 撤销 in one transaction: `UnionDissolved` on the union's stream, then a `MembershipRetained`
 * held by the federation one level up (会籍管理办法) on the stream of each person the union
 * still holds. All or nothing: a crash half-way leaves no union dissolved with active members
 * behind, and no membership held above for a union that still exists. A repeated request (same
 * Idempotency-Key) answers the first one; the union's stream settles any other repetition.
 */
export const dissolveUnion = (
  store: PostgresEventStore,
  user: Caller,
  unionId: string,
  body: DissolutionRequest,
  request: CommandRequestContext,
): Promise<CommandResult> => {
  const metadata = request.metadata(startOfBusinessDate(body.dissolvedOn));
  let federation: OrgUnitRef | null = null;

  return runUnionCommandInScope(
    store,
    user,
    unionId,
    request,
    WRITE_FROM_ABOVE,
    (union) => {
      // Only an active union has a parent to hand over to; the decider refuses the others.
      federation = 'parentId' in union ? federationAbove(union) : null;

      return { type: 'DissolveUnion', data: body, metadata };
    },
    {
      withinTransaction: async (tx, appended) => {
        if (!federation || !appended.some((event) => event.type === 'UnionDissolved')) return;
        await decideForMembersOf(
          tx,
          unionId,
          {
            type: 'RetainWithDissolution',
            data: { unionId, federationId: federation.id, dissolvedOn: body.dissolvedOn },
            metadata,
          },
          federation,
          metadata,
        );
      },
    },
  );
};
