import type { Caller } from '@taizhang/auth';
import { WRITE_FROM_ABOVE } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type {
  CommandResult,
  EventStoreTransaction,
  PostgresEventStore,
} from '@taizhang/event-store';
import { ConcurrencyError } from '@taizhang/event-store';

import { decideForMembersOf, readUnionInScope } from '../members';
import type { Union, UnionEvent } from '../unions';
import type { ActiveUnion } from '../unions';
import { checkReceivingUnion } from '../unions';
import { unionDecider } from '../unions';
import { loadUnionInScope } from '../unions';
import { runUnionCommand, unionStreamId } from '../unions';

export interface MergeRequest {
  intoUnionId: string;
  mergedOn: string;
  reason: string;
}

const fold = <S, E>(
  decider: { evolve: (s: S, e: E) => S; initialState: () => S },
  events: readonly unknown[],
): S =>
  events.reduce<S>((state, event) => decider.evolve(state, event as E), decider.initialState());

/**
 * 合并 in one transaction: `UnionMerged` on the merged union's stream, the receiving union's
 * head locked and checked again, then one `MemberTransferred` (cause `merger`) on the stream of
 * each person the union still holds. All or nothing: a crash half-way leaves no union merged
 * with members behind, and no member moved into a union that did not take them.
 */
export const mergeUnion = async (
  store: PostgresEventStore,
  user: Caller,
  unionId: string,
  body: MergeRequest,
  request: CommandRequestContext,
): Promise<CommandResult> => {
  const merged = await loadUnionInScope(store, user, unionId, WRITE_FROM_ABOVE);
  // A receiving union outside the caller's subtree is answered as an unknown one.
  const { state: intoUnion } = await readUnionInScope(store, user, body.intoUnionId);
  const metadata = request.metadata(startOfBusinessDate(body.mergedOn));
  try {
    return await runUnionCommand(
      store,
      unionId,
      { type: 'MergeUnion', data: { intoUnion, ...body }, metadata },
      {
        expectedVersion: request.expectedVersion ?? merged.version,
        // The receiving union's state is read per attempt; the request is what is repeated.
        fingerprint: ['MergeUnion', unionId, body],
        withinTransaction: async (tx) => {
          const into = await lockReceivingUnion(tx, body);
          await decideForMembersOf(
            tx,
            unionId,
            {
              type: 'MoveWithMerger',
              data: { fromUnionId: unionId, toUnionId: into.id, mergedOn: body.mergedOn },
              metadata,
            },
            { id: into.id, path: into.orgPath },
            metadata,
          );
        },
      },
    );
  } catch (error) {
    // Two unions merged into each other at once lock each other's heads: PostgreSQL ends one.
    if ((error as { code?: unknown }).code === '40P01')
      throw new ConcurrencyError(unionStreamId(unionId), request.expectedVersion ?? -1, -1);
    throw error;
  }
};

// The receiving union as it is now, held until commit: it cannot end while members move in.
const lockReceivingUnion = async (
  tx: EventStoreTransaction,
  body: MergeRequest,
): Promise<ActiveUnion> => {
  const { events } = await tx.lockAndReadStream(unionStreamId(body.intoUnionId));

  return checkReceivingUnion(fold<Union, UnionEvent>(unionDecider, events), body.mergedOn);
};
