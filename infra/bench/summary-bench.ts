import { Topics } from '@taizhang/contracts';
import {
  createTestAuth,
  createTestDatabase,
  createTestEventKeys,
  createTestTopics,
  startServiceProcess,
  testInfrastructure,
} from '@taizhang/testing';

import type { SeededRegion } from '../seed/large-region';
import { seedLargeRegion } from '../seed/large-region';
import { percentile } from './measure';

export interface Latencies {
  p50: number;
  p95: number;
  p99: number;
}

export interface SummaryBench {
  region: SeededRegion;
  samples: number;
  health: Latencies;
  unionSummary: Latencies;
  municipalNow: Latencies;
  municipalAsOf: Latencies;
  municipalKnownAt: Latencies;
  /** The municipal unit's children (its districts, each a summary): the dashboard's table. */
  municipalChildren: Latencies;
  /** The municipal summary, now, answered from reporting's Redis cache (the rows above: without). */
  municipalNowCached: Latencies;
  asOf: string;
  knownAt: string;
}

const latencies = async (
  samples: number,
  url: string,
  headers: Record<string, string> = {},
): Promise<Latencies> => {
  for (let i = 0; i < 50; i += 1) await fetch(url, { headers }).then((r) => r.arrayBuffer());
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    const answer = await fetch(url, { headers });
    await answer.arrayBuffer();
    if (!answer.ok) throw new Error(`${url} answered ${answer.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);

  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
};

/**
 * The municipal summary of the large region over HTTP (reporting as its own process), now and as
 * of a date before a street moved, against two baselines of the same run: `GET /health` (the
 * HTTP round trip) and the summary of one union.
 */
export const benchSummary = async (samples: number): Promise<SummaryBench> => {
  const db = await createTestDatabase([]);
  // Reporting reads rights' topic too.
  const topics = await createTestTopics([Topics.organisation, Topics.rights]);
  try {
    const region = await seedLargeRegion(db.url);
    // Figures need a signed-in caller: an officer of the municipal federation, one token for the
    // whole run (signing is not what is measured).
    const auth = createTestAuth();
    const officer = {
      authorization: `Bearer ${await auth.token(
        { role: 'federation_officer', orgPath: region.municipalId },
        { ttlSeconds: 3600 },
      )}`,
    };
    const env = {
      AUTH_PUBLIC_KEY: auth.publicKeyPem,
      ...createTestEventKeys('organisation').verifyingEnv,
      ...createTestEventKeys('rights').verifyingEnv,
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testInfrastructure().kafkaBrokers.join(','),
      KAFKA_TOPIC_SUFFIX: topics.names[Topics.organisation]!.slice(Topics.organisation.length),
    };
    // Without Redis, so no answer is cached: what the figures themselves cost.
    const reporting = await startServiceProcess('reporting', env);
    let uncached: Omit<SummaryBench, 'municipalNowCached'>;
    try {
      const report = (id: string, asOf?: string, knownAt?: string) =>
        `${reporting.url}/reports/org-units/${id}/summary${asOf ? `?asOf=${asOf}` : ''}${knownAt ? `&knownAt=${knownAt}` : ''}`;
      const asOf = '2024-12-31';
      // A report of the year's end as submitted mid-January (DESIGN §7).
      const knownAt = '2025-01-15T00:00:00Z';

      uncached = {
        region,
        samples,
        asOf,
        knownAt,
        health: await latencies(samples, `${reporting.url}/health`),
        unionSummary: await latencies(samples, report(region.aUnionId), officer),
        municipalNow: await latencies(samples, report(region.municipalId), officer),
        municipalAsOf: await latencies(samples, report(region.municipalId, asOf), officer),
        municipalKnownAt: await latencies(
          samples,
          report(region.municipalId, asOf, knownAt),
          officer,
        ),
        municipalChildren: await latencies(
          samples,
          `${reporting.url}/reports/org-units/${region.municipalId}/children`,
          officer,
        ),
      };
    } finally {
      await reporting.stop();
    }
    // The same with its answer cache: the first request reads PostgreSQL, the others Redis.
    const cached = await startServiceProcess('reporting', {
      ...env,
      REDIS_URL: testInfrastructure().redisUrl,
    });
    try {
      const url = `${cached.url}/reports/org-units/${region.municipalId}/summary`;

      return { ...uncached, municipalNowCached: await latencies(samples, url, officer) };
    } finally {
      await cached.stop();
    }
  } finally {
    await topics.delete();
    await db.drop();
  }
};

if (require.main === module)
  benchSummary(Number(process.env['BENCH_SUMMARY_SAMPLES'] ?? 1000)).then(
    (result) => {
      console.log(JSON.stringify(result, null, 2));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
