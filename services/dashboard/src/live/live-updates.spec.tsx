import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { LiveOptions } from './live-connection';
import { serverSentEvents } from './server-sent-events';
import { useLiveUpdates } from './use-live-updates';

/** A text/event-stream body the test writes to, as reporting would, and ends. */
const eventStream = () => {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();

  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
};

const change = (id: string, orgUnitIds: string[]) =>
  `id: ${id}\nevent: change\ndata: ${JSON.stringify({ orgUnitIds, businessDays: ['2026-03-01'] })}\n\n`;

/** A `get` that answers each call with the next of `answers`, recording the paths asked. */
const gets = (answers: Array<() => Response>) => {
  const paths: string[] = [];
  const signals: AbortSignal[] = [];
  const get: LiveOptions['get'] = (path, signal) => {
    paths.push(path);
    signals.push(signal);
    const next = answers.shift();

    return next ? Promise.resolve(next()) : new Promise<Response>(() => undefined);
  };

  return { get, paths, signals };
};

const Probe = ({
  unit,
  enabled,
  get,
  waits = [],
}: {
  unit: string;
  enabled: boolean;
  get: LiveOptions['get'];
  waits?: number[];
}) => {
  const live = useLiveUpdates(unit, enabled, {
    get,
    backoffMs: { first: 10, max: 40 },
    sleep: (ms) => {
      waits.push(ms);

      return Promise.resolve();
    },
  });

  return (
    <p>
      refresh {live.refresh} {live.updated ? 'updated' : 'quiet'} {live.state}
    </p>
  );
};

describe('server-sent events read with fetch', () => {
  it('yields events split across chunks, skipping comments and retry', async () => {
    const stream = eventStream();
    const read = (async () => {
      const events = [];
      for await (const event of serverSentEvents(stream.response.body!)) events.push(event);

      return events;
    })();
    stream.write('retry: 2000\n: live d1\n\nid: 1-0\nev');
    stream.write('ent: change\ndata: {"a":\ndata: 1}\n\n: heartbeat\n\r\n');
    stream.write('id: 2-0\r\nevent: resync\r\ndata: {}\r\n\r\n');
    stream.end();

    expect(await read).toEqual([
      { id: '1-0', event: 'change', data: '{"a":\n1}' },
      { id: '2-0', event: 'resync', data: '{}' },
    ]);
  });
});

describe('useLiveUpdates', () => {
  it('fetches once for a burst of changes (debounced) and shows that it updated', async () => {
    const stream = eventStream();
    const { get, paths } = gets([() => stream.response]);
    render(<Probe unit="d1" enabled get={get} />);
    await screen.findByText('refresh 0 quiet live');
    expect(paths).toEqual(['/api/reporting/reports/live?unit=d1']);

    stream.write(change('1-0', ['d1', 'u1']));
    stream.write(change('1-1', ['d1', 'u2']));
    stream.write(': heartbeat\n\n');

    expect(await screen.findByText('refresh 1 updated live')).toBeTruthy();
    // No second fetch for the second change of the burst.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(screen.getByText('refresh 1 updated live')).toBeTruthy();
  });

  it('reconnects with backoff after the stream ends, resuming after the last id', async () => {
    const first = eventStream();
    const second = eventStream();
    const waits: number[] = [];
    const { get, paths } = gets([
      () => first.response,
      () => new Response('{"code":"LIVE_UNAVAILABLE"}', { status: 503 }),
      () => second.response,
    ]);
    render(<Probe unit="d1" enabled get={get} waits={waits} />);
    await screen.findByText(/live$/);
    first.write(change('1767000000000-3', ['d1']));
    await screen.findByText('refresh 1 updated live');
    // The token's lifetime ended the stream.
    first.end();

    await waitFor(() => expect(paths).toHaveLength(3));
    expect(paths.slice(1)).toEqual([
      '/api/reporting/reports/live?unit=d1&lastEventId=1767000000000-3',
      '/api/reporting/reports/live?unit=d1&lastEventId=1767000000000-3',
    ]);
    // Doubling after each failure.
    expect(waits).toEqual([10, 20]);
    second.write('id: 1767000000000-9\nevent: resync\ndata: {"orgUnitIds":["d1"]}\n\n');
    expect(await screen.findByText('refresh 2 updated live')).toBeTruthy();
  });

  it('stops for a unit that is not the user’s (404), without trying again', async () => {
    const { get, paths } = gets([() => new Response('{}', { status: 404 })]);
    render(<Probe unit="d2" enabled get={get} />);
    await screen.findByText('refresh 0 quiet stopped');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(paths).toHaveLength(1);
  });

  it('does not follow a view as of a past date, and lets go when the view turns to one', async () => {
    const stream = eventStream();
    const { get, paths, signals } = gets([() => stream.response]);
    const { rerender } = render(<Probe unit="d1" enabled={false} get={get} />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(paths).toEqual([]);

    rerender(<Probe unit="d1" enabled get={get} />);
    await screen.findByText('refresh 0 quiet live');
    rerender(<Probe unit="d1" enabled={false} get={get} />);
    await screen.findByText('refresh 0 quiet stopped');
    expect(signals[0]!.aborted).toBe(true);
  });
});
