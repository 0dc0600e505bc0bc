import type { Producer } from 'kafkajs';

import { Topics } from '@taizhang/contracts';
import { businessDate } from '@taizhang/domain';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { RunningServices } from '@taizhang/testing';
import { eventually, startServices } from '@taizhang/testing';

import { knownHistory } from '../known-at/known-history';

interface Point {
  period: string;
  asOf: string;
  figures: Record<string, unknown>;
}

describe('GET /reports/org-units/:id/series (trend lines by month)', () => {
  let running: RunningServices;
  let producer: Producer;
  const get = (path: string, orgPath = 'm') =>
    running
      .as({ role: 'federation_officer', orgPath })
      .get(`${running.urls['reporting']!}/reports/org-units/${path}`);
  const points = async (query: string) => {
    const answer = await get(`s1/series?${query}`);
    expect(answer.status).toBe(200);

    return answer.body['points'] as Point[];
  };

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
      () => get('s1/summary?asOf=2025-12-31'),
      (answer) =>
        answer.body['members'] === 3 &&
        answer.body['unions'] === 2 &&
        answer.body['workforce'] === 150,
      30_000,
    );
  }, 180_000);
  afterAll(async () => {
    await producer?.disconnect();
    await running?.close();
  });

  it('answers one point per month, each as of its last day, with the summary’s figures', async () => {
    const answer = await get('s1/series?from=2025-10&to=2025-12&interval=month');
    const summary = await get('s1/summary?asOf=2025-11-30');

    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['interval', 'orgUnitId', 'points']);
    expect(answer.body).toMatchObject({ orgUnitId: 's1', interval: 'month' });
    const series = answer.body['points'] as Point[];
    expect(
      series.map((p) => [p.period, p.asOf, p.figures['members'], p.figures['unions']]),
    ).toEqual([
      ['2025-10', '2025-10-31', 1, 2],
      ['2025-11', '2025-11-30', 1, 2],
      ['2025-12', '2025-12-31', 3, 2],
    ]);
    const { orgUnitId: _id, ...figures } = summary.body;
    expect(series[1]!.figures).toEqual(figures);
  });

  it('reads the current month as of today, and every month as known at an instant', async () => {
    const today = businessDate(new Date());
    const current = await points(`from=${today.slice(0, 7)}&to=${today.slice(0, 7)}`);
    expect(current).toEqual([expect.objectContaining({ period: today.slice(0, 7), asOf: today })]);

    const known = await points('from=2025-11&to=2025-12&knownAt=2026-01-15T00:00:00Z');
    // p2 entered on 2026-01-20, c founded on the books the same day: not yet known.
    expect(known.map((p) => [p.figures['members'], p.figures['unions']])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(known[0]!.figures).not.toHaveProperty('lateChanges');
  });

  it('answers 120 months, and 400 beyond them, for a month after this one and any malformed query', async () => {
    expect(await points('from=2016-01&to=2025-12')).toHaveLength(120);
    for (const query of [
      'from=2015-12&to=2025-12',
      'from=2025-12&to=2025-11',
      'from=2025-01&to=2099-12',
      'from=2025-13&to=2025-12',
      'from=2025-1&to=2025-12',
      'from=2025-01-01&to=2025-12',
      'to=2025-12',
      'from=2025-01',
      'from=2025-01&to=2025-12&interval=week',
      'from=2025-01&to=2025-12&knownAt=2026-01-15',
      'from=2025-01&to=2025-12&asOf=2025-06-30',
      'from=2025-01&from=2025-02&to=2025-12',
      `from=${'2'.repeat(10_000)}&to=2025-12`,
      'from[$ne]=x&to=2025-12',
    ]) {
      const answer = await get(`s1/series?${query}`);
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
    }
  });

  it('keeps to the caller’s subtree: the neighbour’s unit and an unknown one are 404', async () => {
    expect((await get('s1/series?from=2025-01&to=2025-02', 'm/d2')).status).toBe(404);
    expect((await get('nope/series?from=2025-01&to=2025-02')).status).toBe(404);
    expect((await get('s1/series?from=2025-01&to=2025-02', 'm/d1/s1')).status).toBe(200);
  });
});
