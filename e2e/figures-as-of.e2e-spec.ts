import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import { eventually, regionClient, startServices, testIdCardNumber } from '@taizhang/testing';

// GB 32100 check characters, written out here so that the test does not trust the service's own.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const creditCode = (n: number): string => {
  const body = String(70_000 + n).padStart(8, '0');
  const organisationSum = [...body].reduce(
    (sum, digit, i) => sum + Number(digit) * [3, 7, 9, 10, 5, 8, 4, 2][i]!,
    0,
  );
  const organisationCheck = 11 - (organisationSum % 11);
  const first17 = `91210100${body}${organisationCheck === 10 ? 'X' : organisationCheck % 11}`;
  const sum = [...first17].reduce((total, c, i) => total + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0);

  return first17 + ALPHABET[(31 - (sum % 31)) % 31]!;
};
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const EARLIER = '2024-03-31';

/** What the test itself records: units with their parents, employers, members' steps. */
interface Step {
  on: string;
  unit: string | null;
  retained: boolean;
}
interface Person {
  gender: 'female' | 'male';
  migrant: boolean;
  newForm: boolean;
  steps: Step[];
}

/**
 * A district with three streets, ten employers, four unions (three registered, one founded from
 * an application today), members who join, transfer, retire and leave → the summaries of a
 * union, a street, the district and the city, now and as of an earlier date, against figures the
 * test computes from its own record of what it sent.
 */
describe('figures now and as of an earlier date (organisation → reporting)', () => {
  let running: RunningServices;
  // The admin builds the org tree; an officer of the city does the rest (libs/testing).
  const region = regionClient({ as: (caller) => running.as(caller) });
  const organisation = (path: string) => `${running.urls['organisation']!}${path}`;
  const ids: Record<string, string> = {};
  const parentOf: Record<string, string | null> = {};
  const foundedOn: Record<string, string> = {};
  const employers: { street: string; headcount: number; coveredBy?: string }[] = [];
  const people = new Map<string, Person>();

  const created = async (path: string, body: unknown, status = 201): Promise<string> => {
    const answer = await region.post(organisation(path), body);
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ status });

    return answer.body['id'] as string;
  };
  const unit = async (name: string, kind: string, parent: string | null) => {
    ids[name] = await created('/org-units', {
      code: name,
      name: `${name}工会`,
      kind,
      ...(parent ? { parentId: ids[parent] } : {}),
    });
    parentOf[name] = parent;
  };
  const join = async (name: string, union: string, n: number, on: string, more: object) => {
    const person = more as {
      gender: 'female' | 'male';
      migrantWorker: boolean;
      employmentForm: string;
    };
    ids[name] = await created(`/unions/${ids[union]}/members`, {
      name: '会员',
      idCardNumber: testIdCardNumber(n, { gender: person.gender }),
      joinedOn: on,
      ...more,
    });
    people.set(name, {
      gender: person.gender,
      migrant: person.migrantWorker,
      newForm: person.employmentForm === 'new_form',
      steps: [{ on, unit: union, retained: false }],
    });
  };
  const step = async (name: string, path: string, body: object, next: Step) => {
    await created(`/members/${ids[name]}/${path}`, body, 200);
    people.get(name)!.steps.push(next);
  };

  // The test's own roll-up: a unit counts what sits at or under it on the date.
  const under = (unitName: string | null, ancestor: string): boolean =>
    unitName !== null && (unitName === ancestor || under(parentOf[unitName] ?? null, ancestor));
  const expected = (ancestor: string, on: string) => {
    const at = [...people.values()].flatMap((p) => {
      const last = p.steps.filter((s) => s.on <= on).pop();

      return last && last.unit !== null && under(last.unit, ancestor) ? [{ p, last }] : [];
    });
    const active = at.filter(({ last }) => !last.retained).map(({ p }) => p);
    const open = employers.filter((e) => under(e.street, ancestor));
    const covered = open.filter((e) => e.coveredBy && foundedOn[e.coveredBy]! <= on);

    return {
      unions: Object.keys(foundedOn).filter((u) => foundedOn[u]! <= on && under(u, ancestor))
        .length,
      members: active.length,
      femaleMembers: active.filter((p) => p.gender === 'female').length,
      migrantMembers: active.filter((p) => p.migrant).length,
      newFormMembers: active.filter((p) => p.newForm).length,
      retainedMemberships: at.length - active.length,
      employers: open.length,
      workforce: open.reduce((sum, e) => sum + e.headcount, 0),
      coveredEmployers: covered.length,
      workforceOfUnionisedEmployers: covered.reduce((sum, e) => sum + e.headcount, 0),
    };
  };
  const summary = async (name: string, asOf?: string) =>
    (
      await region.get(
        `${running.urls['reporting']!}/reports/org-units/${ids[name]}/summary${asOf ? `?asOf=${asOf}` : ''}`,
      )
    ).body;

  /**
   * Each level's summary of now, once every one of them shows what the test computed. Events of
   * different unions travel on different partitions and reach reporting in no fixed order, so
   * one level matching (the city's count, say) does not mean that the others are there yet.
   */
  const summariesOnceSettled = (names: string[]) =>
    eventually(
      () => Promise.all(names.map(async (name) => ({ name, ...(await summary(name)) }))),
      (all) =>
        all.every(({ name, ...figures }) =>
          Object.entries(expected(name, today)).every(
            ([figure, value]) => (figures as Record<string, unknown>)[figure] === value,
          ),
        ),
      30_000,
    );

  beforeAll(async () => {
    running = await startServices(['organisation', 'reporting'], [Topics.organisation]);
    await unit('city', 'municipal', null);
    await unit('heping', 'district', 'city');
    await unit('shenhe', 'district', 'city');
    for (const street of ['s1', 's2', 's3']) await unit(street, 'street', 'heping');
    await unit('s4', 'street', 'shenhe');
    for (let n = 1; n <= 10; n += 1) {
      const street = n <= 4 ? 's1' : n <= 7 ? 's2' : 's3';
      const headcount = 40 + n * 10;
      await created('/employers', {
        creditCode: creditCode(n),
        name: `${n}号企业有限公司`,
        kind: 'enterprise',
        streetId: ids[street],
        registeredOn: '2024-01-01',
        headcount,
        femaleHeadcount: 10,
        migrantHeadcount: 5,
        newFormHeadcount: 0,
      });
      employers.push({ street, headcount, ...(n <= 2 ? { coveredBy: 'u4' } : {}) });
    }
    for (const [union, street, on] of [
      ['u1', 's1', '2010-01-01'],
      ['u2', 's2', '2012-05-01'],
      ['u3', 's3', '2015-03-01'],
      ['u5', 's4', '2016-03-01'],
    ] as const) {
      ids[union] = await created('/unions', {
        name: `${union}工会`,
        parentId: ids[street],
        establishedOn: on,
      });
      parentOf[union] = street;
      foundedOn[union] = on;
    }
    // 组建: applied, approved and founded today, covering the first two employers.
    ids['u4'] = await created('/union-applications', {
      proposedName: '联合工会',
      parentId: ids['s1'],
      employerIds: [creditCode(1), creditCode(2)],
      preparatoryGroup: [
        { name: '张伟', role: '筹备组组长' },
        { name: '李娜', role: '成员' },
        { name: '王强', role: '成员' },
      ],
    });
    await created(`/union-applications/${ids['u4']}/approve`, {}, 200);
    await created(`/union-applications/${ids['u4']}/founding-congress`, {
      heldOn: today,
      entitledVoters: 60,
      present: 45,
      committee: [
        { name: '张伟', post: 'chair' },
        { name: '李娜', post: 'vice_chair' },
        { name: '王强', post: 'member' },
      ],
      termYears: 5,
    });
    parentOf['u4'] = 's1';
    foundedOn['u4'] = today;

    const regular = { employmentForm: 'regular', migrantWorker: false };
    await join('m1', 'u1', 101, '2020-03-01', { gender: 'female', ...regular });
    await join('m2', 'u1', 102, '2021-06-01', {
      gender: 'male',
      employmentForm: 'regular',
      migrantWorker: true,
    });
    await join('m3', 'u1', 103, '2023-02-01', {
      gender: 'female',
      employmentForm: 'new_form',
      migrantWorker: false,
    });
    await join('m4', 'u2', 104, '2019-01-01', { gender: 'male', ...regular });
    await join('m5', 'u2', 105, '2022-09-01', { gender: 'female', ...regular });
    await join('m6', 'u3', 106, '2018-05-01', { gender: 'male', ...regular });
    await join('m7', 'u5', 107, '2017-05-01', { gender: 'female', ...regular });
    await join('m8', 'u4', 108, today, { gender: 'male', ...regular });
    await step(
      'm2',
      'transfer',
      { toUnionId: ids['u3'], transferredOn: '2024-06-01' },
      {
        on: '2024-06-01',
        unit: 'u3',
        retained: false,
      },
    );
    await step(
      'm3',
      'transfer',
      { toUnionId: ids['u2'], transferredOn: '2023-11-01' },
      {
        on: '2023-11-01',
        unit: 'u2',
        retained: false,
      },
    );
    // 保留会籍: a retiree held by the street federation above the union.
    await step(
      'm4',
      'retain',
      { reason: 'retired', heldBy: 'federation', since: '2024-08-01' },
      {
        on: '2024-08-01',
        unit: 's2',
        retained: true,
      },
    );
    await step(
      'm6',
      'leave',
      { reason: '离职', leftOn: '2024-10-01' },
      {
        on: '2024-10-01',
        unit: null,
        retained: false,
      },
    );
  }, 120_000);
  afterAll(() => running?.close());

  it('gives every level the figures of now, as the test computes them', async () => {
    const levels = ['u1', 'u3', 's1', 's2', 'heping', 'shenhe', 'city'];
    const summaries = await summariesOnceSettled(levels);

    expect(expected('city', today).unions).toBe(5);
    for (const { name, ...figures } of summaries)
      expect({ name, ...figures }).toMatchObject({ name, ...expected(name, today) });
  });

  it('gives every level the figures as of an earlier date, under the tree as it was', async () => {
    for (const name of ['u1', 'u3', 's1', 's2', 'heping', 'shenhe', 'city'])
      expect({ name, ...(await summary(name, EARLIER)) }).toMatchObject({
        name,
        ...expected(name, EARLIER),
      });
    // Written out once, so that a wrong model in the test cannot hide a wrong sum.
    expect(expected('heping', EARLIER)).toMatchObject({
      unions: 3,
      members: 6,
      coveredEmployers: 0,
    });
  });

  it('follows a street moved to the other district from a date: before it, figures stay', async () => {
    const movedOn = '2024-09-01';
    await created(
      `/org-units/${ids['s3']}/move`,
      { parentId: ids['shenhe'], effectiveOn: movedOn },
      200,
    );
    parentOf['s3'] = 'shenhe';
    for (const { name, ...figures } of await summariesOnceSettled(['heping', 'shenhe', 'city']))
      expect({ name, ...figures }).toMatchObject({ name, ...expected(name, today) });
    // Before the move the street counted under heping: the test's tree of then.
    parentOf['s3'] = 'heping';
    for (const name of ['heping', 'shenhe'])
      expect({ name, ...(await summary(name, EARLIER)) }).toMatchObject({
        name,
        ...expected(name, EARLIER),
      });
  });

  it('refuses an asOf that is not a date, with a problem', async () => {
    const answer = await region.get(
      `${running.urls['reporting']!}/reports/org-units/${ids['city']}/summary?asOf=2024-13-01`,
    );
    expect(answer.status).toBe(400);
  });
});
