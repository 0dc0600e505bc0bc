import type { PoolClient } from 'pg';

// A stream's head held in share mode, and the event at a version: for a command on one stream
// that must not commit after another stream ended (and must make that stream's end wait for it).

type Queryable = Pick<PoolClient, 'query'>;

/** Where a stream stands: its version (0 for a stream with no events). */
export interface StreamVersion {
  streamId: string;
  version: number;
}

/** An event as stored at one version of its stream (its payload not upcast). */
export interface EventAtVersion extends StreamVersion {
  type: string;
  data: unknown;
}

// Key-share: an append (which updates the head) waits, other holders and readers do not.
const SHARE_STREAM_HEADS = `
  SELECT stream_id, version FROM streams
  WHERE stream_id = ANY($1::text[]) ORDER BY stream_id FOR KEY SHARE`;

const EVENTS_AT_VERSIONS = `
  SELECT e.stream_id, e.stream_version AS version, e.type, e.data
  FROM unnest($1::text[], $2::int[]) AS h(stream_id, version)
  JOIN events e ON e.stream_id = h.stream_id AND e.stream_version = h.version`;

/**
 * Holds the heads of these streams until commit (in stream id order, so two holders never wait
 * on each other in a circle): an append to one of them waits for this transaction, and this
 * waits for an append in progress, then answers the version it committed. A stream with no
 * events has no head and answers version 0 (nothing to hold).
 */
export const shareStreamHeads = async (
  client: Queryable,
  streamIds: readonly string[],
): Promise<StreamVersion[]> => {
  const unique = [...new Set(streamIds)];
  if (unique.length === 0) return [];
  const { rows } = await client.query<{ stream_id: string; version: number }>(SHARE_STREAM_HEADS, [
    unique,
  ]);
  const held = new Map(rows.map((row) => [row.stream_id, row.version]));

  return unique.map((streamId) => ({ streamId, version: held.get(streamId) ?? 0 }));
};

/** `shareStreamHeads` for one stream: its version, held until commit. */
export const shareStreamHead = async (client: Queryable, streamId: string): Promise<number> =>
  (await shareStreamHeads(client, [streamId]))[0]!.version;

/**
 * The events at these versions of their streams (a stream's last event: the version its head
 * answered). Call it in a statement of its own after the heads are held, so that it sees what
 * the lock waited for. Version 0 has no event; a version not stored has none either.
 */
export const readEventsAtVersions = async (
  client: Queryable,
  at: readonly StreamVersion[],
): Promise<EventAtVersion[]> => {
  const stored = at.filter((head) => head.version > 0);
  if (stored.length === 0) return [];
  const { rows } = await client.query<{
    stream_id: string;
    version: number;
    type: string;
    data: unknown;
  }>(EVENTS_AT_VERSIONS, [stored.map((head) => head.streamId), stored.map((head) => head.version)]);

  return rows.map((row) => ({
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    data: row.data,
  }));
};
