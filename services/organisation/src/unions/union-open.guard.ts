import type { PoolClient } from 'pg';

import {
  IllegalStateError,
  readEventsAtVersions,
  shareStreamHead,
  shareStreamHeads,
} from '@taizhang/event-store';

import { unionStreamId } from './union-streams';

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
  // Shares the union's head with other members' commands; a merger or dissolution waits for it.
  const streamId = unionStreamId(unionId);
  const version = await shareStreamHead(client, streamId);
  if (version === versionRead) return;
  const [last] = await readEventsAtVersions(client, [{ streamId, version }]);
  refuseIfEnded(last as LastUnionEvent | undefined, as);
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
  const heads = await shareStreamHeads(client, unionIds.map(unionStreamId));
  // Read after the heads are held, so that a join that waited for a merger sees its last event.
  const last = await readEventsAtVersions(client, heads);
  for (const event of last) refuseIfEnded(event as LastUnionEvent, 'union');
};
