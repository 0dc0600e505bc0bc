import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import { postJson, regionClient, startServices, testIdCardNumber } from '@taizhang/testing';

import { throughput } from './measure';

export interface JoinFigures {
  concurrency: number;
  joins: number;
  joinsPerSecond: number;
  /** Joins refused for a missing name (400): the HTTP, token and validation floor of the route. */
  refusedPerSecond: number;
}

/**
 * Sets up a municipal federation, a district and `count` unions; answers their ids and the
 * headers of the city's officer (one token for the whole run: signing is not what is measured).
 */
export const benchUnions = async (
  running: RunningServices,
  count: number,
): Promise<{ unions: string[]; officer: Record<string, string> }> => {
  const url = running.urls['organisation']!;
  const region = regionClient(running);
  const post = async (path: string, body: unknown) =>
    (await region.post(`${url}${path}`, body)).body['id'] as string;
  const city = await post('/org-units', { code: '2101', name: '沈阳市总工会', kind: 'municipal' });
  const district = await post('/org-units', {
    code: '210102',
    name: '和平区总工会',
    kind: 'district',
    parentId: city,
  });

  const unions = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      post('/unions', { name: `工会${i}`, parentId: district, establishedOn: '2000-01-01' }),
    ),
  );
  const token = await running.auth.token(
    { role: 'federation_officer', orgPath: city },
    { ttlSeconds: 3600 },
  );

  return { unions, officer: { authorization: `Bearer ${token}` } };
};

/** The body of a join of bench person `n`: each `n` another person. */
export const joinBody = (n: number) => {
  const gender = n % 2 ? 'male' : 'female';

  return {
    name: `会员${n}`,
    gender,
    idCardNumber: testIdCardNumber(n, { gender }),
    phone: `139${String(n).padStart(8, '0')}`,
    employmentForm: 'regular',
    migrantWorker: false,
    joinedOn: '2021-03-01',
  };
};

/**
 * `POST /unions/:id/members` from `concurrency` clients for `seconds`, each join a new person
 * (validation, ID card checks, the union read, encryption under a new key, the append).
 */
export const benchJoins = async (seconds: number, concurrency = 16): Promise<JoinFigures> => {
  const running = await startServices(['organisation'], [Topics.organisation]);
  try {
    const url = running.urls['organisation']!;
    const { unions, officer } = await benchUnions(running, 20);
    let next = 0;
    const { perSecond, operations } = await throughput(seconds, concurrency, async () => {
      const n = next++;
      const answer = await postJson(
        `${url}/unions/${unions[n % unions.length]}/members`,
        joinBody(n),
        officer,
      );
      if (answer.status !== 201) throw new Error(`join ${n} answered ${answer.status}`);
    });

    // The same route answering 400 before any database work: what HTTP, the token check, the
    // body's validation and the logging cost alone on this machine.
    const refused = await throughput(seconds, concurrency, async () => {
      const n = next++;
      const answer = await postJson(
        `${url}/unions/${unions[n % unions.length]}/members`,
        { gender: 'female', idCardNumber: testIdCardNumber(n, { gender: 'female' }) },
        officer,
      );
      if (answer.status !== 400) throw new Error(`refused join ${n} answered ${answer.status}`);
    });

    return {
      concurrency,
      joins: operations,
      joinsPerSecond: perSecond,
      refusedPerSecond: refused.perSecond,
    };
  } finally {
    await running.close();
  }
};
