/** One server-sent event: its `id:`, `event:` (default `message`) and `data:` lines. */
export interface ServerSentEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/**
 * Reads a text/event-stream body as it arrives (the EventSource format, read with fetch so that
 * the request carries the bearer token like every other call): yields each event once its blank
 * line came; comments (`: heartbeat`) and `retry:` are skipped.
 */
export async function* serverSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffered += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const event = parseBlock(buffered.slice(0, end));
        buffered = buffered.slice(end + 2);
        if (event) yield event;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

// `field: value` (one space after the colon dropped), or the whole line as a field.
const fieldOf = (line: string): [string, string] => {
  const at = line.indexOf(':');

  return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1).replace(/^ /, '')];
};

const parseBlock = (block: string): ServerSentEvent | null => {
  const event: ServerSentEvent = { id: undefined, event: 'message', data: '' };
  const data: string[] = [];
  let hasData = false;
  // Comments (`:`) and blank lines carry nothing.
  for (const line of block.split('\n').filter((each) => each !== '' && !each.startsWith(':'))) {
    const [field, value] = fieldOf(line);
    if (field === 'id') event.id = value;
    else if (field === 'event') event.event = value;
    else if (field === 'data') hasData = data.push(value) > 0;
  }

  return hasData ? { ...event, data: data.join('\n') } : null;
};
