import { randomUUID } from 'node:crypto';

import type { PostgresEventStore } from '@taizhang/event-store';
import {
  catchUpProjection,
  catchUpProjectionToNow,
  IllegalStateError,
} from '@taizhang/event-store';

import { businessDate } from '../../shared/business-date';
import { runUnionCommand } from '../union-streams';
import { unionTermsProjection } from './union-terms.projection';

// Terms are dates; a term ending on day D has run out once day D is over in China.
const DUE_TERMS = `
  SELECT union_id FROM union_terms
  WHERE active AND NOT expired AND term_ends_on < $1::date
  ORDER BY term_ends_on
  LIMIT 500`;

/**
 * The term clock (换届预警, DESIGN §9): records `UnionTermExpired` for every union whose term ran
 * out without an approved re-election. Idempotent: the decider refuses a second warning, so
 * several instances or a repeated tick change nothing. It decides only on a projection that holds
 * everything committed before the tick (else `ProjectionLagError`, and the next tick warns late
 * rather than never).
 */
export const recordExpiredTerms = async (
  store: PostgresEventStore,
  now: Date,
  { catchUpTimeoutMs }: { catchUpTimeoutMs?: number } = {},
): Promise<number> => {
  await catchUpProjectionToNow(store, unionTermsProjection, { timeoutMs: catchUpTimeoutMs });
  const due = await store.pool.query<{ union_id: string }>(DUE_TERMS, [businessDate(now)]);
  let recorded = 0;
  for (const { union_id: unionId } of due.rows) {
    try {
      await runUnionCommand(store, unionId, {
        type: 'RecordTermExpiry',
        data: {},
        metadata: { now, actorId: 'term-clock', actorRole: 'system', correlationId: randomUUID() },
      });
      recorded += 1;
    } catch (error) {
      // Re-elected or already warned since the projection was read: nothing to record.
      if (!(error instanceof IllegalStateError)) throw error;
    }
  }
  if (recorded > 0) await catchUpProjection(store, unionTermsProjection);

  return recorded;
};
