/** One server-sent event as a client reads it. */
export interface ReceivedEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/** A stream of server-sent events being read, as a browser would (fetch, bearer token). */
export interface LiveClient {
  status: number;
  /** Every event received so far. */
  events: ReceivedEvent[];
  /** Every comment line received so far (`: heartbeat`). */
  comments: string[];
  /** Resolves once an event passes `check` (or rejects after `timeoutMs`). */
  waitFor(check: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  /** Resolves once the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

// Parses `field: value` lines into events; a blank line ends one.
const parse = (client: LiveClient, block: string): void => {
  const event: ReceivedEvent = { id: undefined, event: 'message', data: '' };
  let fields = 0;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      client.comments.push(line.slice(1).trim());
      continue;
    }
    const at = line.indexOf(':');
    const [field, value] = at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1).trimStart()];
    if (field === 'id') event.id = value;
    else if (field === 'event') event.event = value;
    else if (field === 'data') event.data = event.data ? `${event.data}\n${value}` : value;
    else continue;
    fields += 1;
  }
  if (fields > 0 && (event.data !== '' || event.event !== 'message')) client.events.push(event);
};

/** Opens `url` with `headers`; the answer's status is known when it resolves. */
export const openLive = async (
  url: string,
  headers: Record<string, string>,
): Promise<LiveClient> => {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const listeners = new Set<() => void>();
  let resolveEnded!: () => void;
  const client: LiveClient = {
    status: response.status,
    events: [],
    comments: [],
    ended: new Promise((resolve) => (resolveEnded = resolve)),
    close: () => abort.abort(),
    waitFor: (check, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const found = () => client.events.find(check);
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`No such event within ${timeoutMs} ms: ${JSON.stringify(client.events)}`));
        }, timeoutMs);
        const listener = () => {
          const event = found();
          if (!event) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(event);
        };
        listeners.add(listener);
        listener();
      }),
  };
  if (response.status !== 200) {
    client.events.push({ id: undefined, event: 'body', data: await response.text() });
    resolveEnded();

    return client;
  }
  void (async () => {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of response.body!) {
        buffered += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          parse(client, buffered.slice(0, end));
          buffered = buffered.slice(end + 2);
        }
        for (const listener of [...listeners]) listener();
      }
    } catch {
      // Aborted by close().
    } finally {
      resolveEnded();
    }
  })();

  return client;
};
