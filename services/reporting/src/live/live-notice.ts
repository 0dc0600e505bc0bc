import type { EventEnvelope } from '@taizhang/contracts';

/**
 * 实时更新通知: which units' figures a committed run of events changed, as one entry of the
 * live stream. Each change is a unit's org path (the unit and its ancestors, whose sums changed
 * too) and the business day of the event, so that a subscriber is told only of its subtree.
 */
export interface LiveChange {
  /** The org path of the unit an event concerned, as reporting held it after the commit. */
  readonly path: string;
  /** The event's business day (occurredAt, UTC), YYYY-MM-DD. */
  readonly day: string;
}

/** What one subscriber is sent for an entry: only units of its subtree, and their days. */
export interface LiveUpdate {
  /** The units whose figures changed, from the subscribed unit down. */
  readonly orgUnitIds: readonly string[];
  readonly businessDays: readonly string[];
}

/**
 * The changes of a run of events, once each: at the unit's path as reporting holds it after the
 * commit and at the path the event itself carries (they differ when the unit moved).
 */
export const liveChanges = (
  events: readonly EventEnvelope[],
  pathOf: ReadonlyMap<string, string>,
): LiveChange[] => {
  const seen = new Map<string, LiveChange>();
  for (const event of events) {
    const day = event.occurredAt.slice(0, 10);
    // Where reporting holds the unit now, and where the event placed it (a move's other side).
    const paths = new Set([pathOf.get(event.orgUnitId), event.orgPath]);
    for (const path of paths)
      if (path !== undefined && path !== '') seen.set(`${path}\u0000${day}`, { path, day });
  }

  return [...seen.values()];
};

const segments = (path: string): string[] => path.split('/');

/**
 * What a subscriber to the unit at `unitPath` learns of an entry: the units at or under it that
 * changed (with every ancestor between), or null when nothing in its subtree did.
 */
export const liveUpdateFor = (
  unitPath: string,
  changes: readonly LiveChange[],
): LiveUpdate | null => {
  const above = segments(unitPath);
  const ids = new Set<string>();
  const days = new Set<string>();
  for (const change of changes) {
    const below = segments(change.path);
    if (below.length < above.length || !above.every((segment, i) => segment === below[i])) continue;
    for (const id of below.slice(above.length - 1)) ids.add(id);
    days.add(change.day);
  }
  if (ids.size === 0) return null;

  return { orgUnitIds: [...ids].sort(), businessDays: [...days].sort() };
};

const STREAM_ID = /^(\d{1,20})-(\d{1,20})$/;

/** Whether a text is a Redis stream entry id (`<ms>-<seq>`), as sent in `id:` lines. */
export const isStreamId = (text: string): boolean => STREAM_ID.test(text);

/** Orders two stream ids (`<ms>-<seq>`, compared as numbers): negative, zero or positive. */
export const compareStreamIds = (a: string, b: string): number => {
  const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
  const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint];
  if (am !== bm) return am < bm ? -1 : 1;
  if (as !== bs) return as < bs ? -1 : 1;

  return 0;
};

/** One server-sent event: `id:`, `event:` and the JSON on one `data:` line. */
export const sseMessage = (id: string, event: string, data: unknown): string =>
  `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
