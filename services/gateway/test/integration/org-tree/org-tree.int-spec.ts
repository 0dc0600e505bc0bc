import type { Producer } from 'kafkajs';

import { Topics } from '@taizhang/contracts';
import { createIdempotentProducer, toEventMessage } from '@taizhang/messaging';
import type { TestTopics } from '@taizhang/testing';
import {
  createTestEventKeys,
  createTestTopics,
  eventually,
  readTopicMessages,
  unionEstablishedData,
} from '@taizhang/testing';

import type { GatewayUnderTest, Tokens } from '../gateway-test-kit';
import {
  ADMIN_PASSWORD,
  bearer,
  createUser,
  federationCreated,
  login,
  orgEvent,
  PASSWORD,
  startGateway,
  unionRegistered,
} from '../gateway-test-kit';

interface OrgUnit {
  orgUnitId: string;
  parentId: string | null;
  kind: string;
  orgPath: string;
  name: string;
  dissolved: boolean;
}

describe('the org-tree replica', () => {
  let topics: TestTopics;
  let producer: Producer;
  let gateway: GatewayUnderTest;
  let admin: Tokens;
  const publish = async (...events: ReturnType<typeof orgEvent>[]) => {
    await producer.send({
      topic: topics.names[Topics.organisation]!,
      messages: events.map((event) => gateway.organisationKeys.message(event)),
    });
  };
  const units = async (): Promise<OrgUnit[]> =>
    (
      (await gateway.http().get('/org-units').set('authorization', bearer(admin))).body as {
        orgUnits: OrgUnit[];
      }
    ).orgUnits;

  beforeAll(async () => {
    topics = await createTestTopics([Topics.organisation]);
    producer = createIdempotentProducer(topics.kafka);
    await producer.connect();
    const suffix = topics.names[Topics.organisation]!.slice(Topics.organisation.length);
    gateway = await startGateway({}, { consumeFrom: suffix });
    admin = await login(gateway, 'admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await gateway?.close();
    await producer?.disconnect();
    await topics?.delete();
  });

  it('is built from taizhang.organisation.v1: federations and unions with their paths', async () => {
    const established = orgEvent(
      'UnionEstablished',
      'u9',
      'city/west/u9',
      unionEstablishedData({
        unionId: 'u9',
        name: '新建工会',
        parentId: 'west',
        orgPath: 'city/west/u9',
        establishedOn: '2026-02-01',
        employerIds: ['e1'],
        termEndsOn: '2031-02-01',
      }),
    );
    await publish(
      federationCreated('city', 'municipal', null, 'city'),
      federationCreated('west', 'district', 'city', 'city/west'),
      unionRegistered('u1', 'west', 'city/west/u1'),
      established,
    );

    expect(await eventually(units, (found) => found.length === 4, 30_000)).toEqual([
      {
        orgUnitId: 'city',
        parentId: null,
        kind: 'municipal',
        orgPath: 'city',
        name: 'city总工会',
        dissolved: false,
      },
      {
        orgUnitId: 'west',
        parentId: 'city',
        kind: 'district',
        orgPath: 'city/west',
        name: 'west总工会',
        dissolved: false,
      },
      {
        orgUnitId: 'u1',
        parentId: 'west',
        kind: 'union',
        orgPath: 'city/west/u1',
        name: 'u1工会',
        dissolved: false,
      },
      {
        orgUnitId: 'u9',
        parentId: 'west',
        kind: 'union',
        orgPath: 'city/west/u9',
        name: '新建工会',
        dissolved: false,
      },
    ]);
  });

  it('lets an admin place accounts in the units it knows, and sign them in with the path', async () => {
    await createUser(gateway, admin, {
      username: 'west.cadre',
      role: 'union_cadre',
      orgUnitId: 'u1',
    });

    expect((await login(gateway, 'west.cadre', PASSWORD)).user).toMatchObject({
      orgUnitId: 'u1',
      orgPath: 'city/west/u1',
    });
  });

  it('follows renames, dissolutions and mergers, and accounts are no longer placed in an ended union', async () => {
    await publish(
      unionRegistered('u8', 'west', 'city/west/u8'),
      orgEvent('UnionMerged', 'u8', 'city/west/u8', {
        unionId: 'u8',
        intoUnionId: 'u1',
        mergedOn: '2026-03-03',
        reason: '两厂合并',
      }),
      orgEvent('UnionRenamed', 'u1', 'city/west/u1', {
        unionId: 'u1',
        previousName: 'u1工会',
        name: '更名后的工会',
        effectiveOn: '2026-03-01',
      }),
      orgEvent('UnionDissolved', 'u9', 'city/west/u9', {
        unionId: 'u9',
        dissolvedOn: '2026-03-02',
        reason: '企业关闭',
      }),
    );

    const byId = new Map(
      (
        await eventually(
          units,
          (found) =>
            ['u8', 'u9'].every((id) =>
              found.some((unit) => unit.orgUnitId === id && unit.dissolved),
            ),
          30_000,
        )
      ).map((unit) => [unit.orgUnitId, unit]),
    );
    // Both events concern different unions, so they may arrive in either order.
    expect(
      (
        await eventually(units, (found) => found.some((u) => u.name === '更名后的工会'), 30_000)
      ).find((unit) => unit.orgUnitId === 'u1')?.name,
    ).toBe('更名后的工会');
    expect(byId.get('u9')?.dissolved).toBe(true);
    expect(byId.get('u8')?.dissolved).toBe(true);
    const refused = await gateway
      .http()
      .post('/users')
      .set('authorization', bearer(admin))
      .send({ username: 'late.cadre', password: PASSWORD, role: 'union_cadre', orgUnitId: 'u9' });
    expect(refused.body).toMatchObject({ status: 422, code: 'ORG_UNIT_DISSOLVED' });
  });

  it('follows a street moved to another district, with everything under it, and a renamed federation', async () => {
    await publish(
      federationCreated('east', 'district', 'city', 'city/east'),
      federationCreated('s7', 'street', 'west', 'city/west/s7'),
      unionRegistered('u7', 's7', 'city/west/s7/u7'),
    );
    await eventually(units, (found) => found.some((unit) => unit.orgUnitId === 'u7'), 30_000);
    await publish(
      orgEvent('OrgUnitMoved', 's7', 'city/east/s7', {
        orgUnitId: 's7',
        unitKind: 'federation',
        previousParentId: 'west',
        parentId: 'east',
        previousOrgPath: 'city/west/s7',
        orgPath: 'city/east/s7',
        effectiveOn: '2026-04-01',
      }),
      orgEvent('OrgUnitRenamed', 'east', 'city/east', {
        orgUnitId: 'east',
        previousName: 'east总工会',
        name: '东区总工会',
        effectiveOn: '2026-04-01',
      }),
    );

    const moved = await eventually(
      units,
      (found) =>
        found.some((unit) => unit.orgPath === 'city/east/s7/u7') &&
        found.some((unit) => unit.name === '东区总工会'),
      30_000,
    );
    expect(moved.find((unit) => unit.orgUnitId === 's7')).toMatchObject({
      parentId: 'east',
      orgPath: 'city/east/s7',
    });
    expect(moved.find((unit) => unit.orgUnitId === 'u7')).toMatchObject({
      parentId: 's7',
      orgPath: 'city/east/s7/u7',
    });
    expect(moved.find((unit) => unit.orgUnitId === 'u1')?.orgPath).toBe('city/west/u1');
  });

  it('takes nothing from a message organisation did not sign: unsigned, signed with another key or altered, it goes to the .dlq with the reason', async () => {
    const topic = topics.names[Topics.organisation]!;
    const rogue = (id: string) => federationCreated(id, 'municipal', null, id);
    const altered = gateway.organisationKeys.message(rogue('altered'));
    altered.value = String(altered.value).replace('"orgPath":"altered"', '"orgPath":"city"');
    await producer.send({
      topic,
      messages: [
        toEventMessage(rogue('unsigned')),
        createTestEventKeys('organisation').message(rogue('other-key')),
        altered,
      ],
    });
    // Published after the forgeries, a genuine unit still reaches the tree.
    await publish(federationCreated('north', 'district', 'city', 'city/north'));

    const letters = await readTopicMessages(topics.kafka, `${topic}.dlq`, 3);
    const found = await eventually(
      units,
      (all) => all.some((u) => u.orgUnitId === 'north'),
      30_000,
    );
    expect(
      found.some((unit) => ['unsigned', 'other-key', 'altered'].includes(unit.orgUnitId)),
    ).toBe(false);
    expect(found.some((unit) => unit.orgUnitId === 'north')).toBe(true);
    expect(
      Object.fromEntries(
        letters.map((letter) => [
          (JSON.parse(letter.value!) as { orgUnitId: string }).orgUnitId,
          [letter.headers['dlq-error-code'], letter.headers['dlq-reason']],
        ]),
      ),
    ).toEqual({
      unsigned: [
        'INVALID_SIGNATURE',
        `The message is not signed (no event-signature header): only organisation's outbox relay publishes on ${topic}.`,
      ],
      'other-key': [
        'INVALID_SIGNATURE',
        "The signature does not match organisation's public key: the message was altered or signed with another key.",
      ],
      altered: [
        'INVALID_SIGNATURE',
        "The signature does not match organisation's public key: the message was altered or signed with another key.",
      ],
    });
  });

  it('is shown to admins only', async () => {
    const cadre = await login(gateway, 'west.cadre', PASSWORD);

    expect(
      (await gateway.http().get('/org-units').set('authorization', bearer(cadre))).status,
    ).toBe(403);
    expect(
      (await gateway.http().get('/org-units/nope').set('authorization', bearer(admin))).status,
    ).toBe(404);
  });
});
