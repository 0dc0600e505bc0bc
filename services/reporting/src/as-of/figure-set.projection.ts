import type { PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';

import { addFigureDeltas } from './deltas.sql';
import type { FigureDelta, FigureSet } from './figure-set';

/** What a consumer does with one event of its topic, in the transaction that records it. */
export type EventProjection = (event: EventEnvelope, tx: PoolClient) => Promise<void>;

/**
 * The projection of a figure set whose events say directly what changes where: `deltasOf` is
 * pure (an event → the units, business dates and ± of its figures, none for an event it does not
 * count), and the deltas are added to the set's unit and subtree tables along the tree in time,
 * and to their logs as recorded at the event's `recordedAt` (figures as known at an instant).
 * A redelivered event changes nothing: the consumer records each event as processed in the same
 * transaction and drops it when it comes again.
 */
export const figureSetProjection =
  <F extends string>(
    set: FigureSet<F>,
    deltasOf: (event: EventEnvelope) => readonly FigureDelta<F>[],
  ): EventProjection =>
  (event, tx) =>
    addFigureDeltas(tx, set, deltasOf(event), event.recordedAt);
