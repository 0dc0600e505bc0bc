import { Topics } from '@taizhang/contracts';
import { getJson, postJson, startServices, testIdCardNumber } from '@taizhang/testing';

import { percentile } from './measure';

export interface LatencyFigures {
  rate: number;
  commands: number;
  acknowledged: { p50: number; p95: number; p99: number };
  visible: { p50: number; p95: number; p99: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const summarise = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);

  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

/**
 * Open-loop load of member joins at a steady rate; for each, the time until the municipal
 * summary counts it. The k-th acknowledged join is visible once the count reaches k (joins are
 * 5 ms apart, so their order of acknowledgement is their order of commit).
 */
export const benchLatency = async (rate: number, seconds: number): Promise<LatencyFigures> => {
  // Each service in its own process, as in production; this process only sends and polls.
  const running = await startServices(['organisation', 'reporting'], [Topics.organisation]);
  const organisation = { url: running.urls['organisation']! };
  const reporting = { url: running.urls['reporting']! };
  try {
    // Signed in once: the admin builds the tree, the city's officer joins and reads.
    const bearer = async (caller: Parameters<typeof running.auth.token>[0]) => ({
      authorization: `Bearer ${await running.auth.token(caller, { ttlSeconds: 3600 })}`,
    });
    let as = await bearer({ role: 'admin' });
    const post = async (path: string, body: unknown) =>
      (await postJson(`${organisation.url}${path}`, body, as)).body['id'] as string;
    const city = await post('/org-units', {
      code: '2101',
      name: '沈阳市总工会',
      kind: 'municipal',
    });
    const district = await post('/org-units', {
      code: '210102',
      name: '和平区总工会',
      kind: 'district',
      parentId: city,
    });
    as = await bearer({ role: 'federation_officer', orgPath: city });
    const unions = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post('/unions', { name: `工会${i}`, parentId: district, establishedOn: '2000-01-01' }),
      ),
    );
    const summaryUrl = `${reporting.url}/reports/org-units/${city}/summary`;

    const sentAt: number[] = [];
    const ackLatencies: number[] = [];
    const ackOrder: number[] = [];
    const visibleAt: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        // A kept-alive socket the server closes between two polls fails one fetch: poll again.
        const members = await getJson(summaryUrl, as).then(
          (answer) => Number(answer.body['members'] ?? 0),
          () => visibleAt.length,
        );
        const now = performance.now();
        while (visibleAt.length < members) visibleAt.push(now);
        await sleep(5);
      }
    })();

    const total = rate * seconds;
    const interval = 1000 / rate;
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i += 1) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      sentAt[i] = performance.now();
      inFlight.push(
        postJson(
          `${organisation.url}/unions/${unions[i % unions.length]}/members`,
          {
            name: `会员${i}`,
            gender: i % 2 ? 'male' : 'female',
            idCardNumber: testIdCardNumber(i, { gender: i % 2 ? 'male' : 'female' }),
            employmentForm: 'regular',
            migrantWorker: false,
            joinedOn: '2020-01-01',
          },
          as,
        ).then((answer) => {
          if (answer.status !== 201) throw new Error(`join ${i} answered ${answer.status}`);
          ackLatencies[i] = performance.now() - sentAt[i]!;
          ackOrder.push(i);
        }),
      );
    }
    await Promise.all(inFlight);
    const deadline = performance.now() + 30_000;
    while (visibleAt.length < total && performance.now() < deadline) await sleep(10);
    polling = false;
    await poller;
    if (visibleAt.length < total)
      throw new Error(`only ${visibleAt.length} of ${total} joins became visible`);

    const visibleLatencies = ackOrder.map((command, rank) => visibleAt[rank]! - sentAt[command]!);

    return {
      rate,
      commands: total,
      acknowledged: summarise(ackLatencies),
      visible: summarise(visibleLatencies),
    };
  } finally {
    await running.close();
  }
};
