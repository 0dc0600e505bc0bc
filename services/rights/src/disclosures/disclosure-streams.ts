import type { CommandResult, OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, NotFoundError } from '@taizhang/event-store';

import { rightsRecordLoader, runRightsCommand } from '../shared/rights-command';
import type { DisclosureCommand } from './disclosure.commands';
import { disclosureDecider } from './disclosure.decider';
import type { Disclosure, RecordedDisclosure } from './disclosure.state';

export const disclosureStreamId = (disclosureId: string): string => `disclosure-${disclosureId}`;

export const readDisclosure = (store: PostgresEventStore, disclosureId: string) =>
  aggregateStream(store, disclosureStreamId(disclosureId), disclosureDecider);

/** A disclosure the caller may reach, where its union is now: 404 when absent or outside. */
export const loadDisclosureInScope = rightsRecordLoader({
  read: readDisclosure,
  exists: (state: Disclosure): state is RecordedDisclosure => state.status !== 'None',
  unionOf: (state: RecordedDisclosure) => state.unionId,
  notFound: (id: string) =>
    new NotFoundError(`Disclosure ${id} does not exist. / 该次公开不存在。`),
});

export const runDisclosureCommand = (
  store: PostgresEventStore,
  disclosureId: string,
  command: DisclosureCommand,
  options: { unit: OrgUnitRef; expectedVersion?: number | undefined; fingerprint?: unknown },
): Promise<CommandResult> =>
  runRightsCommand(store, {
    streamId: disclosureStreamId(disclosureId),
    streamType: 'disclosure',
    decider: disclosureDecider,
    command,
    id: disclosureId,
    ...options,
  });
