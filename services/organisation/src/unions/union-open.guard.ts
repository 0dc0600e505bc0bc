import type { PoolClient } from 'pg';

import { IllegalStateError } from '@taizhang/event-store';

import { unionStreamId } from './union-streams';

/** Shares the union's head with other members' commands; a merger or dissolution waits for it. */
const LOCK_UNION_HEAD = 'SELECT version FROM streams WHERE stream_id = $1 FOR KEY SHARE';
const LAST_UNION_EVENT =
  'SELECT type, data FROM events WHERE stream_id = $1 AND stream_version = $2';

/**
 * Called in the transaction of a member's command that puts someone into a union (a join, a
 * transfer), which read the union at `versionRead` before it began. Holding the union's head
 * makes a merger wait until this command commits (it then finds the member and moves them), or
 * this command wait until the merger commits (it then sees that the union ended and is refused):
 * never a member left behind in a merged or dissolved union. Dissolution and merger are a
 * union's last events, so the last event alone says whether it ended.
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
  const last = await client.query<{
    type: string;
    data: { dissolvedOn?: string; mergedOn?: string };
  }>(LAST_UNION_EVENT, [unionStreamId(unionId), version]);
  const ended = last.rows[0];
  const prefix = as === 'union' ? '' : 'TARGET_';
  const zh = as === 'union' ? '该工会' : '转入的工会';
  if (ended?.type === 'UnionMerged')
    throw new IllegalStateError(
      `The ${as} was merged into another on ${ended.data.mergedOn}. / ${zh}已合并。`,
      `${prefix}UNION_MERGED`,
    );
  if (ended?.type === 'UnionDissolved')
    throw new IllegalStateError(
      `The ${as} was dissolved on ${ended.data.dissolvedOn}. / ${zh}已撤销。`,
      `${prefix}UNION_DISSOLVED`,
    );
};
