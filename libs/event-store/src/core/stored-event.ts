import type { EventEnvelope } from '@taizhang/contracts';

/** An event as the store keeps it: the published envelope plus its place in the hash chain. */
export interface StoredEvent<TData = unknown> extends EventEnvelope<TData> {
  /** Position of the previous event of the same stream (null for the first). */
  prevPosition: string | null;
  prevHash: string;
  hash: string;
}

/** The org unit an event concerns: its id keys the Kafka message, its path scopes every read. */
export interface OrgUnitRef {
  id: string;
  path: string;
}

/** The hash that precedes the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);
