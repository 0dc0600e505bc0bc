import { Client } from 'pg';

import { Topics } from '@taizhang/contracts';
import type { OwnKafka, OwnPostgres, OwnRedis, RunningServices } from '@taizhang/testing';
import {
  eventually,
  regionClient,
  startOwnKafka,
  startOwnPostgres,
  startOwnRedis,
  startServices,
  TEST_ADMIN_PASSWORD,
  testInfrastructure,
} from '@taizhang/testing';

/** Builds a small region and founds unions in it, checking what reporting sees of them. */
const regionOn = (slice: () => RunningServices) => {
  const region = regionClient({ as: (caller) => slice().as(caller) });
  const organisation = () => slice().urls['organisation']!;
  let street = '';
  let unions = 0;

  const create = async (path: string, body: unknown): Promise<string> => {
    const answer = await region.post(`${organisation()}${path}`, body);
    expect(answer.status).toBe(201);

    return answer.body['id'] as string;
  };
  const unionsSeenByReporting = async () =>
    (await region.get(`${slice().urls['reporting']}/reports/org-units/${region.city}/summary`))
      .body['unions'];

  return {
    build: async () => {
      const city = await create('/org-units', {
        code: '2101',
        name: '沈阳市总工会',
        kind: 'municipal',
      });
      const district = await create('/org-units', {
        code: 'heping',
        name: '和平区总工会',
        kind: 'district',
        parentId: city,
      });
      street = await create('/org-units', {
        code: 'nsc',
        name: '南市场街道工会联合会',
        kind: 'street',
        parentId: district,
      });
    },
    /** Founds one more union and waits until reporting counts it; answers what reporting counts. */
    foundUnion: async () => {
      unions += 1;
      await create('/unions', {
        name: `第${unions}工会委员会`,
        parentId: street,
        establishedOn: '2020-05-01',
      });

      return eventually(unionsSeenByReporting, (seen) => seen === unions, 60_000);
    },
  };
};

describe('A service stays up when its PostgreSQL sessions end', () => {
  let slice: RunningServices;
  const region = regionOn(() => slice);

  beforeAll(async () => {
    slice = await startServices(['organisation', 'reporting'], [Topics.organisation]);
    await region.build();
  }, 120_000);
  afterAll(() => slice?.close());

  it('ends every backend of both databases (the relay leader among them), and a command still reaches reporting', async () => {
    expect(await region.foundUnion()).toBe(1);
    const admin = new Client({ connectionString: testInfrastructure().postgresAdminUrl });
    await admin.connect();
    try {
      const names = Object.values(slice.databases).map((database) => database.name);
      const ended = await admin.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)',
        [names],
      );
      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
        ended.rows.map((row) => row.pid),
      ]);
      expect(ended.rowCount).toBeGreaterThan(0);
      // The sessions are gone (their clients have seen their sockets close).
      const left = await eventually(
        async () =>
          (
            await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1)', [
              ended.rows.map((row) => row.pid),
            ])
          ).rowCount,
        (count) => count === 0,
      );
      expect(left).toBe(0);
    } finally {
      await admin.end();
    }

    expect(await region.foundUnion()).toBe(2);
  }, 120_000);
});

// On a PostgreSQL cluster and a broker of this suite's own: the shared ones are never restarted.
describe('Services stay up when PostgreSQL and Kafka restart', () => {
  let postgres: OwnPostgres | undefined;
  let kafka: OwnKafka | undefined;
  let slice: RunningServices;
  const region = regionOn(() => slice);

  beforeAll(async () => {
    postgres = await startOwnPostgres();
    kafka = await startOwnKafka();
    slice = await startServices(
      ['organisation', 'reporting'],
      [Topics.organisation],
      {},
      {
        postgresAdminUrl: postgres.adminUrl,
        kafkaBrokers: kafka.brokers,
        redisUrl: testInfrastructure().redisUrl,
      },
    );
    await region.build();
  }, 240_000);
  afterAll(async () => {
    try {
      await slice?.close();
    } finally {
      kafka?.stop();
      postgres?.stop();
    }
  }, 60_000);

  it('restarts PostgreSQL in immediate mode and then the broker, and a command still reaches reporting', async () => {
    expect(await region.foundUnion()).toBe(1);
    postgres!.restart();
    kafka!.restart();
    expect(await region.foundUnion()).toBe(2);
  }, 240_000);
});

describe('The gateway stays up when Redis goes away and comes back', () => {
  let redis: OwnRedis | undefined;
  let slice: RunningServices;
  const login = async () =>
    (
      await fetch(`${slice.urls['gateway']}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
      })
    ).status;

  beforeAll(async () => {
    redis = await startOwnRedis();
    slice = await startServices(
      ['gateway'],
      [Topics.organisation],
      {},
      {
        ...testInfrastructure(),
        redisUrl: redis.url,
      },
    );
  }, 120_000);
  afterAll(async () => {
    try {
      await slice?.close();
    } finally {
      await redis?.stop();
    }
  });

  it('answers 503 to a sign-in while Redis is away, and signs in again once it is back', async () => {
    expect(await login()).toBe(200);
    await redis!.stop();
    expect(await login()).toBe(503);
    await redis!.start();
    expect(await eventually(login, (status) => status === 200)).toBe(200);
  }, 60_000);
});
