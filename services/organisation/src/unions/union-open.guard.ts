import type { PoolClient } from 'pg';

import { IllegalStateError } from '@taizhang/event-store';

import { unionStreamId } from './union-streams';

/** Shares the union's head with other members' commands; a merger or dissolution waits for it. */
const LOCK_UNION_HEAD = 'SELECT version FROM streams WHERE stream_id = $1 FOR KEY SHARE';
const LAST_UNION_EVENT =
  'SELECT type, data FROM events WHERE stream_id = $1 AND stream_version = $2';
const LOCK_UNION_HEADS =
  'SELECT stream_id, version FROM streams WHERE stream_id = ANY($1::text[]) FOR KEY SHARE';
// A statement of its own after the lock: a join locking and reading in one statement would, after
// waiting for a merger, pair the new head with the old last event and find no row at all.
const LAST_UNION_EVENTS = `
  SELECT e.type, e.data FROM unnest($1::text[], $2::int[]) AS h(stream_id, version)
  JOIN events e ON e.stream_id = h.stream_id AND e.stream_version = h.version`;

interface LastUnionEvent {
  type: string;
  data: { dissolvedOn?: string; mergedOn?: string };
}

// Dissolution and merger are a union's last events, so the last event alone says whether it ended.
const refuseIfEnded = (last: LastUnionEvent | undefined, as: 'union' | 'receiving union'): void => {
  const prefix = as === 'union' ? '' : 'TARGET_';
  const zh = as === 'union' ? '该工会' : '转入的工会';
  if (last?.type === 'UnionMerged')
    throw new IllegalStateError(
      `The ${as} was merged into another on ${last.data.mergedOn}. / ${zh}已合并。`,
      `${prefix}UNION_MERGED`,
    );
  if (last?.type === 'UnionDissolved')
    throw new IllegalStateError(
      `The ${as} was dissolved on ${last.data.dissolvedOn}. / ${zh}已撤销。`,
      `${prefix}UNION_DISSOLVED`,
    );
};

/**
 * Called in the transaction of a member's command that puts someone into a union (a join, a
 * transfer), which read the union at `versionRead` before it began. Holding the union's head
 * makes a merger wait until this command commits (it then finds the member and moves them), or
 * this command wait until the merger commits (it then sees that the union ended and is refused):
 * never a member left behind in a merged or dissolved union.
 */
export const holdUnionOpen = async (
  client: Pick<PoolClient, 'query'>,
  unionId: string,
  versionRead: number,
  as: 'union' | 'receiving union',
): Promise<void> => {
  const locked = await client.query<{ version: number }>(LOCK_UNION_HEAD, [unionStreamId(unionId)]);
  const version = locked.rows[0]?.version ?? 0;
  if (version === versionRead) return;
  const last = await client.query<LastUnionEvent>(LAST_UNION_EVENT, [
    unionStreamId(unionId),
    version,
  ]);
  refuseIfEnded(last.rows[0], as);
};

/**
 * `holdUnionOpen` for a batch of joins (group commit, a sheet import): holds the head of every
 * union they join, and refuses the batch when one of them ended meanwhile (a
 * refused batch is retried command by command, so only the joins into that union fail).
 */
export const holdUnionsOpen = async (
  client: Pick<PoolClient, 'query'>,
  unionIds: readonly string[],
): Promise<void> => {
  if (unionIds.length === 0) return;
  const heads = await client.query<{ stream_id: string; version: number }>(LOCK_UNION_HEADS, [
    [...new Set(unionIds)].map(unionStreamId),
  ]);
  const last = await client.query<LastUnionEvent>(LAST_UNION_EVENTS, [
    heads.rows.map((head) => head.stream_id),
    heads.rows.map((head) => head.version),
  ]);
  for (const row of last.rows) refuseIfEnded(row, 'union');
};
