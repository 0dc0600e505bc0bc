import type { Producer } from 'kafkajs';

import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { RunningServices } from '@taizhang/testing';
import { eventually, startServices } from '@taizhang/testing';

import { knownHistory } from '../known-at/known-history';

describe('GET /reports/org-units/:id/lateness (录入及时性, how late records are entered)', () => {
  let running: RunningServices;
  let producer: Producer;
  const get = (path: string, orgPath = 'm') =>
    running
      .as({ role: 'federation_officer', orgPath })
      .get(`${running.urls['reporting']!}/reports/org-units/${path}`);

  beforeAll(async () => {
    running = await startServices(['reporting'], [Topics.organisation]);
    producer = createIdempotentProducer(running.topics.kafka);
    await producer.connect();
    const organisation = running.eventKeys['organisation']!;
    await producer.send({
      topic: running.topics.names[Topics.organisation]!,
      messages: knownHistory().map((event) => organisation.message(event)),
    });
    await eventually(
      () => get('m/lateness?from=2026-01&to=2026-01'),
      (answer) => (answer.body['whole'] as { records?: number } | undefined)?.records === 5,
      30_000,
    );
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('answers per month entered the median, the 90th percentile and the share entered over 30 days late', async () => {
    const answer = await get('m/lateness?from=2025-11&to=2026-01');

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      orgUnitId: 'm',
      from: '2025-11',
      to: '2026-01',
      lateAfterDays: 30,
      ruleSet: { region: 'national', version: 1 },
      exactUpToDays: 62,
      months: [
        // p3's join, a day after.
        { period: '2025-11', records: 1, medianDays: 1, p90Days: 1, lateShare: 0 },
        { period: '2025-12', records: 1, medianDays: 1, p90Days: 1, lateShare: 0 },
        // p2 and p3's leaving 36 days late, e1's headcount 50, c's founding 111 (its week
        // bucket from 105), b's approval 143 (from 140).
        { period: '2026-01', records: 5, medianDays: 50, p90Days: 140, lateShare: 1 },
      ],
      whole: { records: 7, medianDays: 36, p90Days: 140, lateShare: 0.7143 },
    });
  });

  it('sums a subtree under the parents its units had in the month entered', async () => {
    const january = async (id: string) =>
      ((await get(`${id}/lateness?from=2026-01&to=2026-01`)).body['months'] as object[])[0];

    // b's street moved to d2 from 2025-06-01.
    expect(await january('d1')).toEqual({
      period: '2026-01',
      records: 3,
      medianDays: 50,
      p90Days: 105,
      lateShare: 1,
    });
    expect(await january('d2')).toMatchObject({ records: 2, medianDays: 36, p90Days: 140 });
    expect(await january('a')).toMatchObject({ records: 1, medianDays: 36 });
    // Months without records: none to rank.
    expect((await get('a/lateness?from=2019-01&to=2019-01')).body['whole']).toEqual({
      records: 0,
      medianDays: null,
      p90Days: null,
      lateShare: null,
    });
  });

  it('keeps to the caller’s subtree and answers 400 to a malformed or too long range', async () => {
    expect((await get('a/lateness?from=2025-01&to=2025-02', 'm/d2')).status).toBe(404);
    expect((await get('nope/lateness?from=2025-01&to=2025-02')).status).toBe(404);
    for (const query of [
      '',
      'from=2025-01',
      'from=2015-12&to=2025-12',
      'from=2025-12&to=2025-01',
      'from=2025-01&to=2099-01',
      'from=2025-00&to=2025-01',
      'from=2025-01&to=2025-02&asOf=2025-01-01',
      'from=2025-01&to=2025-02&to=2025-03',
      `from=${'1'.repeat(5000)}&to=2025-01`,
    ]) {
      const answer = await get(`m/lateness?${query}`);
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
    }
  });
});
