import type { Producer } from 'kafkajs';

import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { RunningServices } from '@taizhang/testing';
import { eventually, memberJoinedData, startServices, TEST_ADMIN_PASSWORD } from '@taizhang/testing';

import { federationCreated, orgEvent, unionRegistered } from '../gateway-test-kit';

const PASSWORD = 'a-long-enough-password';

/**
 * Reporting's live updates (GET /reports/live) through the gateway's one origin: forwarded with
 * the caller's bearer token, unbuffered and never timed out (PROXY_TIMEOUT_MS is 1 s here), so a
 * change projected while the stream is open reaches the browser at once.
 */
describe('live updates through the gateway', () => {
  let running: RunningServices;
  let producer: Producer;
  const gateway = (path: string) => `${running.urls['gateway']!}${path}`;
  const post = async (path: string, token: string | null, body: unknown) => {
    const response = await fetch(gateway(path), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });

    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const login = async (username: string, password: string) =>
    (await post('/auth/login', null, { username, password })).body['accessToken'] as string;
  const publish = async (...events: ReturnType<typeof orgEvent>[]) => {
    const organisation = running.eventKeys['organisation']!;
    await producer.send({
      topic: running.topics.names[Topics.organisation]!,
      messages: events.map((event) => organisation.message(event)),
    });
  };

  beforeAll(async () => {
    running = await startServices(['reporting', 'gateway'], [Topics.organisation], {
      PROXY_TIMEOUT_MS: '1000',
    });
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    await publish(
      federationCreated('gc', 'municipal', null, 'gc'),
      federationCreated('gd', 'district', 'gc', 'gc/gd'),
      unionRegistered('gu', 'gd', 'gc/gd/gu'),
    );
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('streams the change events of the signed-in officer’s unit, past the proxy timeout', async () => {
    const admin = await login('admin', TEST_ADMIN_PASSWORD);
    // The gateway places accounts in units it learned from organisation's topic.
    const account = await eventually(
      () =>
        post('/users', admin, {
          username: 'gd-officer',
          password: PASSWORD,
          role: 'federation_officer',
          orgUnitId: 'gd',
        }),
      ({ status }) => status === 201,
      60_000,
    );
    expect(account.status).toBe(201);
    const officer = await login('gd-officer', PASSWORD);
    // Reporting knows the union too before the stream opens (404 until then).
    await eventually(
      () =>
        fetch(gateway('/api/reporting/reports/org-units/gu/summary'), {
          headers: { authorization: `Bearer ${officer}` },
        }).then((response) => response.status),
      (status) => status === 200,
      60_000,
    );

    const abort = new AbortController();
    const stream = await fetch(gateway('/api/reporting/reports/live?unit=gd'), {
      headers: { authorization: `Bearer ${officer}`, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(stream.headers.get('x-accel-buffering')).toBe('no');
      const reader = stream.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      // The opening comment arrives at once: nothing is held back on the way.
      ({ text } = await readUntil(reader, decoder, text, (seen) => seen.includes(': live')));
      // Longer than the proxy waits for an ordinary answer.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await publish(
        orgEvent(
          'MemberJoined',
          'gu',
          'gc/gd/gu',
          memberJoinedData({ memberId: 'gm-1', unionId: 'gu' }),
        ),
      );
      ({ text } = await readUntil(reader, decoder, text, (seen) => seen.includes('event: change')));
      expect(text).toMatch(/id: \d+-\d+\nevent: change\ndata: \{"orgUnitIds":\["gd","gu"\]/);
    } finally {
      abort.abort();
    }

    // Without a token the gateway refuses before forwarding.
    const anonymous = await fetch(gateway('/api/reporting/reports/live?unit=gd'));
    expect(anonymous.status).toBe(401);
  });
});

const readUntil = async (
  reader: ReadableStreamDefaultReader<Uint8Array>,
  decoder: InstanceType<typeof TextDecoder>,
  text: string,
  done: (seen: string) => boolean,
): Promise<{ text: string }> => {
  const deadline = Date.now() + 20_000;
  let seen = text;
  while (!done(seen)) {
    if (Date.now() > deadline) throw new Error(`Not received in time; so far: ${seen}`);
    const chunk = await reader.read();
    if (chunk.done) throw new Error(`The stream ended; so far: ${seen}`);
    seen += decoder.decode(chunk.value, { stream: true });
  }

  return { text: seen };
};
