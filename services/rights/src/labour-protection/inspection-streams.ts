import type { CommandResult, OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, NotFoundError } from '@taizhang/event-store';

import { rightsRecordLoader, runRightsCommand } from '../shared/rights-command';
import { unionPathNow } from '../shared/union-on-record';
import type { InspectionCommand } from './inspection.commands';
import { inspectionDecider } from './inspection.decider';
import type { Inspection, RecordedInspection } from './inspection.state';

export const inspectionStreamId = (inspectionId: string): string => `inspection-${inspectionId}`;

export const readInspection = (store: PostgresEventStore, inspectionId: string) =>
  aggregateStream(store, inspectionStreamId(inspectionId), inspectionDecider);

const inspectionNotFound = (id: string) =>
  new NotFoundError(`Inspection ${id} does not exist. / 该劳动保护监督检查不存在。`);

/** An inspection the caller may reach, where its union is now: 404 when absent or outside. */
export const loadInspectionInScope = rightsRecordLoader({
  read: readInspection,
  exists: (state: Inspection): state is RecordedInspection => state.status !== 'None',
  unionOf: (state: RecordedInspection) => state.unionId,
  notFound: inspectionNotFound,
});

/** One command on an inspection's stream (its hazards too), its events concerning the union. */
export const runInspectionCommand = (
  store: PostgresEventStore,
  inspectionId: string,
  command: InspectionCommand,
  options: {
    unit: OrgUnitRef;
    expectedVersion?: number | undefined;
    fingerprint?: unknown;
    /** The id the answer names: the inspection's, or a new hazard's. */
    id?: string;
  },
): Promise<CommandResult> =>
  runRightsCommand(store, {
    streamId: inspectionStreamId(inspectionId),
    streamType: 'labour-inspection',
    decider: inspectionDecider,
    command,
    ...options,
    id: options.id ?? inspectionId,
  });

/** A command on an inspection found by its id alone (the clock's): its union where it is now. */
export const runInspectionCommandById = async (
  store: PostgresEventStore,
  inspectionId: string,
  command: InspectionCommand,
): Promise<CommandResult> => {
  const { state } = await readInspection(store, inspectionId);
  if (state.status === 'None') throw inspectionNotFound(inspectionId);
  const path = await unionPathNow(store, state.unionId);
  if (path === null) throw inspectionNotFound(inspectionId);

  return runInspectionCommand(store, inspectionId, command, {
    unit: { id: state.unionId, path },
  });
};
