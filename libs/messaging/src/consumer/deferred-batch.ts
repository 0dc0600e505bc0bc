import type { PoolClient } from 'pg';

import { messageOf } from './error-message';

/**
 * Work a handler leaves to the end of the consumer's transaction: items of many events gathered
 * and written together (one statement for a run of a hundred events instead of a hundred). A
 * batch belongs to one transaction and is written before its COMMIT, or dropped with it.
 */
interface Batch {
  items: unknown[];
  write: (items: readonly unknown[]) => Promise<void>;
}

const batchesOf = new WeakMap<PoolClient, Map<string, Batch>>();

/** Writing deferred work failed: the whole transaction goes, never only the current event. */
export class DeferredBatchError extends Error {
  constructor(cause: unknown) {
    super(messageOf(cause), { cause });
    this.name = 'DeferredBatchError';
  }
}

/**
 * The batch named `name` of the transaction `tx`, created with its writer on first use: push
 * items to it, and `write` receives them all before the transaction commits (or when
 * {@link writeDeferredBatches} is called, e.g. before an event that must see them written).
 */
export const deferredBatch = <T>(
  tx: PoolClient,
  name: string,
  write: (items: readonly T[]) => Promise<void>,
): { push(item: T): void } => {
  let batches = batchesOf.get(tx);
  if (!batches) {
    batches = new Map();
    batchesOf.set(tx, batches);
  }
  let batch = batches.get(name);
  if (!batch) {
    batch = { items: [], write: write as Batch['write'] };
    batches.set(name, batch);
  }
  const { items } = batch;

  return { push: (item) => void items.push(item) };
};

/** Whether the transaction holds deferred work not yet written. */
export const hasDeferredWork = (tx: PoolClient): boolean =>
  [...(batchesOf.get(tx)?.values() ?? [])].some((batch) => batch.items.length > 0);

/** Writes every deferred batch of the transaction now, in the order they were first used. */
export const writeDeferredBatches = async (tx: PoolClient): Promise<void> => {
  const batches = batchesOf.get(tx);
  if (!batches) return;
  for (const batch of batches.values()) {
    const items = batch.items.splice(0);
    if (items.length === 0) continue;
    try {
      await batch.write(items);
    } catch (error) {
      throw new DeferredBatchError(error);
    }
  }
};

/** Forgets the transaction's deferred work (after its COMMIT or ROLLBACK). */
export const dropDeferredBatches = (tx: PoolClient): void => {
  batchesOf.delete(tx);
};
