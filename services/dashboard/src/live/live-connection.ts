import { serverSentEvents } from './server-sent-events';

/** What reporting's `GET /reports/live` says in a `change` event. */
export interface LiveChange {
  orgUnitIds: string[];
  businessDays: string[];
}

export type LiveState = 'connecting' | 'live' | 'waiting' | 'stopped';

export interface LiveOptions {
  unit: string;
  /** A change in the unit's subtree (`resync`: maybe several; fetch everything again). */
  onChange: (change: LiveChange | 'resync') => void;
  onState?: (state: LiveState) => void;
  /** GETs a path with the signed-in user's token (the session's `authorizedGet`). */
  get: (path: string, signal: AbortSignal, accept: string) => Promise<Response>;
  /** Backoff between attempts: the first wait, doubled up to the last. */
  backoffMs?: { first: number; max: number };
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const sleepFor = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Reads one connection to its end; the id to resume from, and whether events flowed. */
const readOnce = async (
  response: Response,
  options: LiveOptions,
  lastId: string | undefined,
): Promise<string | undefined> => {
  let last = lastId;
  for await (const event of serverSentEvents(response.body!)) {
    if (event.id) last = event.id;
    if (event.event === 'resync') options.onChange('resync');
    else if (event.event === 'change')
      try {
        options.onChange(JSON.parse(event.data) as LiveChange);
      } catch {
        options.onChange('resync');
      }
  }

  return last;
};

/** Where a following stands between connections: the id to resume after, connections made. */
interface Progress {
  lastId: string | undefined;
  connections: number;
}

/** One connection, read to its end: `stop` for good (404, signed out), else try again. */
const connectOnce = async (
  options: LiveOptions,
  signal: AbortSignal,
  progress: Progress,
  opened: () => void,
): Promise<'stop' | 'again'> => {
  const query = new URLSearchParams({ unit: options.unit });
  if (progress.lastId) query.set('lastEventId', progress.lastId);
  const response = await options.get(
    `/api/reporting/reports/live?${query.toString()}`,
    signal,
    'text/event-stream',
  );
  if ([401, 403, 404].includes(response.status)) return 'stop';
  if (!response.ok || !response.body) {
    await response.body?.cancel();

    return 'again';
  }
  progress.connections += 1;
  // Reconnected with nothing to resume from: what happened meanwhile is unknown.
  if (progress.connections > 1 && !progress.lastId) options.onChange('resync');
  opened();
  progress.lastId = await readOnce(response, options, progress.lastId);

  return 'again';
};

/**
 * Follows the unit's live updates until `signal` aborts: connects with the user's token, and
 * after the stream ends (the token's lifetime, a restart, a network failure) connects again
 * with backoff, resuming after the last id it got (`lastEventId`), so nothing is missed. A 404
 * (the unit is not the user's) or a refused sign-in stops it; the figures keep their fetches.
 */
export const followLive = async (options: LiveOptions, signal: AbortSignal): Promise<void> => {
  const { first, max } = options.backoffMs ?? { first: 1_000, max: 30_000 };
  const sleep = options.sleep ?? sleepFor;
  const state = (next: LiveState) => signal.aborted || options.onState?.(next);
  const progress: Progress = { lastId: undefined, connections: 0 };
  let wait = first;
  while (!signal.aborted) {
    state('connecting');
    const next = await connectOnce(options, signal, progress, () => {
      state('live');
      wait = first;
    }).catch(() => 'again' as const);
    // The network, or our own abort: either way, wait and try again unless stopped.
    if (next === 'stop' || signal.aborted) break;
    state('waiting');
    await sleep(wait, signal);
    wait = Math.min(wait * 2, max);
  }
  state('stopped');
};
