import type { PoolClient } from 'pg';

/**
 * Work a handler leaves until its transaction has committed: telling others what changed (live
 * updates, cache invalidation). Items of many events gather under a name, as in
 * {@link deferredBatch}; `run` gets them all after the COMMIT, never after a ROLLBACK, and cannot
 * fail the transaction: it is already durable. `run` must handle its own errors.
 */
interface Pending {
  items: unknown[];
  run: (items: readonly unknown[]) => void;
}

const pendingOf = new WeakMap<PoolClient, Map<string, Pending>>();

/** The after-commit batch `name` of the transaction `tx`, created with `run` on first use. */
export const afterCommit = <T>(
  tx: PoolClient,
  name: string,
  run: (items: readonly T[]) => void,
): { push(item: T): void } => {
  let pending = pendingOf.get(tx);
  if (!pending) {
    pending = new Map();
    pendingOf.set(tx, pending);
  }
  let batch = pending.get(name);
  if (!batch) {
    batch = { items: [], run: run as Pending['run'] };
    pending.set(name, batch);
  }
  const { items } = batch;

  return { push: (item) => void items.push(item) };
};

/** How far each batch of the transaction has got: taken at a savepoint, to go back to. */
export const markAfterCommit = (tx: PoolClient): Map<string, number> =>
  new Map([...(pendingOf.get(tx) ?? new Map<string, Pending>())].map(([name, batch]) => [name, batch.items.length]));

/** Forgets what was pushed since `mark`, with the statements rolled back to the savepoint. */
export const rollBackAfterCommit = (tx: PoolClient, mark: ReadonlyMap<string, number>): void => {
  for (const [name, batch] of pendingOf.get(tx) ?? []) batch.items.length = mark.get(name) ?? 0;
};

/** Takes the transaction's after-commit batches: to run after its COMMIT, or to forget. */
export const takeAfterCommit = (tx: PoolClient): Pending[] => {
  const pending = [...(pendingOf.get(tx)?.values() ?? [])];
  pendingOf.delete(tx);

  return pending;
};

/** Runs each batch; one that throws keeps neither the others nor the consumer from going on. */
export const runAfterCommit = (pending: readonly Pending[]): void => {
  for (const { items, run } of pending)
    try {
      if (items.length > 0) run(items);
    } catch {
      // `run` handles its own errors; the transaction is committed regardless.
    }
};
