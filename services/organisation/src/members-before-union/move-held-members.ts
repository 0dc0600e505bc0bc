import type { UnionEstablished } from '@taizhang/contracts';
import { subtreeOf } from '@taizhang/directory';
import type { CommandMetadata, EventStoreTransaction } from '@taizhang/event-store';
import { streamsWithEventsAt } from '@taizhang/event-store';

import type { Member, MemberCommand, MemberEvent } from '../members';
import { memberDecider } from '../members';

/**
 * Seed 003 in the founding congress's transaction: the members a federation held for the new
 * union's employers (its own federation, or a community or village below it) move into the union
 * with one `MemberTransferred` (cause `founding`) each. Which move is decided from the founding
 * itself — every held member of one of its employers — so the congress names no list: the
 * members were recorded with their employer when they joined. All or nothing with the founding.
 */
export const moveHeldMembers = async (
  tx: EventStoreTransaction,
  established: UnionEstablished['data'],
  metadata: CommandMetadata,
): Promise<void> => {
  const holderIds = [
    ...new Set([established.parentId, ...(await subtreeOf(tx.client, established.parentId))]),
  ];
  // Every person with an event at one of the holders: a superset of those it holds now.
  const people = new Set<string>();
  for (const holderId of holderIds)
    for (const streamId of await streamsWithEventsAt(tx.client, holderId, 'member'))
      people.add(streamId);
  const command: MemberCommand = {
    type: 'MoveWithFounding',
    data: {
      holderIds,
      employerIds: established.employerIds,
      toUnionId: established.unionId,
      foundedOn: established.establishedOn,
    },
    metadata,
  };
  // In stream order, so that two foundings (or a merger) never wait for each other in a circle.
  for (const streamId of [...people].sort()) {
    const { head, events } = await tx.lockAndReadStream(streamId);
    const state = events.reduce<Member>(
      (current, event) => memberDecider.evolve(current, event as unknown as MemberEvent),
      memberDecider.initialState(),
    );
    const decided = memberDecider.decide(command, state);
    const moved = Array.isArray(decided) ? decided : [decided];
    if (moved.length === 0) continue;
    await tx.append(streamId, head, moved, {
      streamType: 'member',
      orgUnit: { id: established.unionId, path: established.orgPath },
      metadata,
    });
  }
};
