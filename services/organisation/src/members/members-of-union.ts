import type {
  CommandMetadata,
  EventStoreTransaction,
  OrgUnitRef,
} from '@taizhang/event-store';
import { streamsWithEventsAt } from '@taizhang/event-store';

import type { MemberCommand } from './member.commands';
import type { Member, MemberEvent } from './member.decider';
import { memberDecider } from './member.decider';

const fold = (events: readonly unknown[]): Member =>
  events.reduce<Member>(
    (state, event) => memberDecider.evolve(state, event as MemberEvent),
    memberDecider.initialState(),
  );

/**
 * Decides `command` for every person the union still holds, inside the transaction of the
 * union's own event (a merger, a dissolution), and appends what each decides on their own stream
 * at `orgUnit`. A refusal of one person throws, and the whole transaction goes with it.
 */
export const decideForMembersOf = async (
  tx: EventStoreTransaction,
  unionId: string,
  command: MemberCommand,
  orgUnit: OrgUnitRef,
  metadata: CommandMetadata,
): Promise<void> => {
  // Every person whose stream has an event recorded at the union (joined, transferred in,
  // retained or left there): a superset of its members, each then decided on their own stream.
  const people = await streamsWithEventsAt(tx.client, unionId, 'member');
  // In stream order, so that two such transactions never wait for each other in a circle.
  for (const streamId of people) {
    const { head, events } = await tx.lockAndReadStream(streamId);
    const decided = memberDecider.decide(command, fold(events));
    const changes = Array.isArray(decided) ? decided : [decided];
    if (changes.length === 0) continue;
    await tx.append(streamId, head, changes, { streamType: 'member', orgUnit, metadata });
  }
};
