import type { CommandResult, OrgUnitRef, PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, NotFoundError } from '@taizhang/event-store';

import { rightsRecordLoader, runRightsCommand } from '../shared/rights-command';
import { unionPathNow } from '../shared/union-on-record';
import type { ContractCommand } from './contract.commands';
import { contractDecider } from './contract.decider';
import type { CollectiveContract, RequestedContract } from './contract.state';

export const contractStreamId = (contractId: string): string => `contract-${contractId}`;

export const readContract = (store: PostgresEventStore, contractId: string) =>
  aggregateStream(store, contractStreamId(contractId), contractDecider);

const contractNotFound = (id: string) =>
  new NotFoundError(`Collective contract ${id} does not exist. / 该集体合同不存在。`);

/** A collective contract the caller may reach, where its union is now: 404 when absent or outside. */
export const loadContractInScope = rightsRecordLoader({
  read: readContract,
  exists: (state: CollectiveContract): state is RequestedContract => state.status !== 'None',
  unionOf: (state: RequestedContract) => state.unionId,
  notFound: contractNotFound,
});

/** One command on a contract's stream, its events concerning the union at `unit`. */
export const runContractCommand = (
  store: PostgresEventStore,
  contractId: string,
  command: ContractCommand,
  options: { unit: OrgUnitRef; expectedVersion?: number | undefined; fingerprint?: unknown },
): Promise<CommandResult> =>
  runRightsCommand(store, {
    streamId: contractStreamId(contractId),
    streamType: 'collective-contract',
    decider: contractDecider,
    command,
    id: contractId,
    ...options,
  });

/** A command on a contract found by its id alone (the clock's): its union where it is now. */
export const runContractCommandById = async (
  store: PostgresEventStore,
  contractId: string,
  command: ContractCommand,
): Promise<CommandResult> => {
  const { state } = await readContract(store, contractId);
  if (state.status === 'None') throw contractNotFound(contractId);
  const path = await unionPathNow(store, state.unionId);
  if (path === null) throw contractNotFound(contractId);

  return runContractCommand(store, contractId, command, { unit: { id: state.unionId, path } });
};
