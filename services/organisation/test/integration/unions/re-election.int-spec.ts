import { Topics } from '@taizhang/contracts';
import { regionSuite } from '@taizhang/testing';

// Real PostgreSQL and Kafka, the service as its own process: the union above approves or rejects
// a re-election (换届选举) on its own date; a rejection frees the union to elect again.
describe('re-election approved or rejected (organisation, integration)', () => {
  const { running, region, url, created, ok, unit } = regionSuite(
    ['organisation'],
    [Topics.organisation],
  );
  // The admin builds the org tree; an officer of the city does the rest (libs/testing).
  let street: string;
  const pool = () => running.databases['organisation']!.pool;
  const committee = [
    { name: '张伟', post: 'chair' },
    { name: '李娜', post: 'member' },
    { name: '王强', post: 'member' },
  ];
  const election = (heldOn: string) => ({
    heldOn,
    entitledVoters: 60,
    present: 45,
    committee,
    termYears: 5,
  });
  const union = () =>
    created('/unions', {
      name: '沈阳鼓风机集团工会',
      parentId: street,
      establishedOn: '2015-06-01',
    });
  const eventsOf = async (unionId: string, type: string) =>
    (
      await pool().query<{ data: Record<string, unknown> }>(
        'SELECT data FROM events WHERE stream_id = $1 AND type = $2 ORDER BY stream_version',
        [`union-${unionId}`, type],
      )
    ).rows.map(({ data }) => data);
  const reason = '候选人未经民主推荐程序产生,不予批准';

  beforeAll(async () => {
    const city = await unit('2101', '沈阳市总工会', 'municipal');
    const district = await unit('210106', '铁西区总工会', 'district', city);
    street = await unit('210106002', '昆明湖街道工会联合会', 'street', district);
  });

  it('rejects with a reason, Chinese kept, then takes a new election and approves it on its date', async () => {
    const unionId = await union();
    await created(`/unions/${unionId}/elections`, election('2024-03-01'));

    await ok(`/unions/${unionId}/elections/reject`, { rejectedOn: '2024-03-05', reason });
    expect(await eventsOf(unionId, 'ElectionRejected')).toEqual([
      { unionId, heldOn: '2024-03-01', rejectedOn: '2024-03-05', reason },
    ]);
    expect((await region.get(url(`/unions/${unionId}`))).body).not.toHaveProperty(
      'pendingElection',
    );

    await created(`/unions/${unionId}/elections`, election('2024-04-10'));
    await ok(`/unions/${unionId}/elections/approve`, { approvedOn: '2024-04-12' });
    expect(await eventsOf(unionId, 'CommitteeElectionApproved')).toEqual([
      { unionId, approvedOn: '2024-04-12', termEndsOn: '2029-04-09' },
    ]);
    expect((await region.get(url(`/unions/${unionId}`))).body).toMatchObject({
      termEndsOn: '2029-04-09',
      termExpired: false,
    });
  });

  it('refuses bad input, a date in the future or before the election, and nothing pending', async () => {
    const unionId = await union();
    const reject = (body: unknown) => region.post(url(`/unions/${unionId}/elections/reject`), body);
    const answer = async (body: unknown) => {
      const { status, body: problem } = await reject(body);

      return [status, problem['code']];
    };

    expect(await answer({ rejectedOn: '2024-03-05', reason })).toEqual([
      422,
      'NO_ELECTION_PENDING',
    ]);
    await created(`/unions/${unionId}/elections`, election('2024-03-01'));
    expect((await reject({ rejectedOn: '2024-03-05' })).status).toBe(400);
    expect((await reject({ rejectedOn: '2024-03-05', reason: '  ' })).status).toBe(400);
    expect((await reject({ rejectedOn: '2024-13-05', reason })).status).toBe(400);
    expect((await reject({ rejectedOn: '2024-03-05', reason, extra: 1 })).status).toBe(400);
    expect(await answer({ rejectedOn: '2999-01-01', reason })).toEqual([422, 'DATE_IN_FUTURE']);
    expect(await answer({ rejectedOn: '2024-02-28', reason })).toEqual([
      422,
      'ANSWER_BEFORE_ELECTION',
    ]);
    const approve = await region.post(url(`/unions/${unionId}/elections/approve`), {
      approvedOn: '2024-02-28',
    });
    expect([approve.status, approve.body['code']]).toEqual([422, 'ANSWER_BEFORE_ELECTION']);

    expect(await eventsOf(unionId, 'ElectionRejected')).toEqual([]);
    expect(await eventsOf(unionId, 'CommitteeElectionApproved')).toEqual([]);
  });

  it('lets only a union above reject: the union’s own cadre is refused', async () => {
    const unionId = await union();
    await created(`/unions/${unionId}/elections`, election('2024-03-01'));
    const { orgPath } = (await region.get(url(`/unions/${unionId}`))).body as { orgPath: string };
    const body = { rejectedOn: '2024-03-05', reason };

    const cadre = await running
      .as({ role: 'union_cadre', orgPath })
      .post(url(`/unions/${unionId}/elections/reject`), body);
    expect(cadre.status).toBe(403);
    const itself = await running
      .as({ role: 'federation_officer', orgPath })
      .post(url(`/unions/${unionId}/elections/reject`), body);
    expect([itself.status, itself.body['code']]).toEqual([403, 'NOT_ABOVE_TARGET']);
    expect(await eventsOf(unionId, 'ElectionRejected')).toEqual([]);

    const streetOfficer = await running
      .as({ role: 'federation_officer', orgPath: orgPath.split('/').slice(0, -1).join('/') })
      .post(url(`/unions/${unionId}/elections/reject`), body);
    expect(streetOfficer.status).toBe(200);
  });
});
