import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Producer } from 'kafkajs';

import { eventsTransport } from '@taizhang/bootstrap';
import type { EventEnvelope } from '@taizhang/contracts';
import { checkpointTopic, rightsRegistry, Topics } from '@taizhang/contracts';
import { PostgresEventStore } from '@taizhang/event-store';
import { createIdempotentProducer } from '@taizhang/messaging';
import type { TestAuth, TestCaller, TestService, TestTopics } from '@taizhang/testing';
import {
  createTestAuth,
  createTestEventKeys,
  createTestTopics,
  eventually,
  memberJoinedData,
  startedForSuite,
  startTestService,
  uniqueSuffix,
} from '@taizhang/testing';

import { rightsModule } from '../src/app.module';
import { rightsEventsTransport } from '../src/events.transport';

/** An event of organisation's topic, as its relay publishes it. */
export const orgEvent = (
  type: string,
  orgUnitId: string,
  orgPath: string,
  data: object,
  { schemaVersion = 1, occurredOn = '2020-01-01' } = {},
): EventEnvelope => ({
  eventId: randomUUID(),
  type,
  schemaVersion,
  service: 'organisation',
  streamId: `org-${orgUnitId}-${randomUUID()}`,
  streamType: 'org-unit',
  streamVersion: 1,
  position: '1',
  occurredAt: `${occurredOn}T02:00:00.000Z`,
  recordedAt: `${occurredOn}T02:00:01.000Z`,
  orgUnitId,
  orgPath,
  actor: { id: 'admin-1', role: 'admin' },
  correlationId: randomUUID(),
  causationId: null,
  commandId: null,
  data,
});

/** A city with two districts, a union in each, a member of the first, a dissolved third union. */
export const smallRegion = () => {
  const [city, west, east, u1, u2, ended, member] = Array.from({ length: 7 }, () => randomUUID());
  const paths = {
    city: city!,
    west: `${city}/${west}`,
    east: `${city}/${east}`,
    u1: `${city}/${west}/${u1}`,
    u2: `${city}/${east}/${u2}`,
    ended: `${city}/${west}/${ended}`,
  };
  const federation = (id: string, kind: string, parentId: string | null, orgPath: string) =>
    orgEvent('OrgUnitCreated', id, orgPath, {
      orgUnitId: id,
      code: id.slice(0, 8),
      name: `${kind}总工会`,
      kind,
      parentId,
      orgPath,
    });
  const union = (id: string, parentId: string, orgPath: string) =>
    orgEvent('UnionRegistered', id, orgPath, {
      unionId: id,
      name: '机床厂工会',
      parentId,
      establishedOn: '2001-05-01',
      orgPath,
    });

  return {
    ids: {
      city: city!,
      west: west!,
      east: east!,
      u1: u1!,
      u2: u2!,
      ended: ended!,
      member: member!,
    },
    paths,
    events: [
      federation(city!, 'municipal', null, paths.city),
      federation(west!, 'district', city!, paths.west),
      federation(east!, 'district', city!, paths.east),
      union(u1!, west!, paths.u1),
      union(u2!, east!, paths.u2),
      union(ended!, west!, paths.ended),
      orgEvent(
        'MemberJoined',
        u1!,
        paths.u1,
        memberJoinedData({ memberId: member!, unionId: u1!, joinedOn: '2020-01-01' }),
        { schemaVersion: 2 },
      ),
      orgEvent(
        'UnionDissolved',
        ended!,
        paths.ended,
        { unionId: ended!, dissolvedOn: '2024-01-01', reason: '企业注销' },
        { occurredOn: '2024-01-01' },
      ),
    ],
  };
};

export interface RightsUnderTest extends TestService {
  auth: TestAuth;
  store: PostgresEventStore;
  /** Publishes organisation events on the suite's topic and waits until the replica took them all. */
  publish(events: EventEnvelope[]): Promise<void>;
  headers(caller: TestCaller): Promise<Record<string, string>>;
  count(type: string): Promise<number>;
}

/** The rights app in this process, consuming organisation's topic of the suite (real Kafka and PG). */
export const startRights = async (): Promise<RightsUnderTest> => {
  const topics: TestTopics = await createTestTopics([
    Topics.organisation,
    Topics.rights,
    checkpointTopic('rights'),
  ]);
  const suffix = topics.names[Topics.organisation]!.slice(Topics.organisation.length);
  const organisationKeys = createTestEventKeys('organisation');
  const rightsKeys = createTestEventKeys('rights');
  const auth = createTestAuth();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taizhang-rights-'));
  const producer: Producer = createIdempotentProducer(topics.kafka);
  await producer.connect();
  const service = await startTestService(rightsModule, {
    env: {
      ...organisationKeys.verifyingEnv,
      ...rightsKeys.signingEnv,
      AUTH_PUBLIC_KEY: auth.publicKeyPem,
      TAIZHANG_DATA_DIR: dataDir,
      KAFKA_TOPIC_SUFFIX: suffix,
      // The app's own clocks tick at start only: the suites drive them with a clock of their own.
      CLOCK_INTERVAL_MS: String(24 * 3_600_000),
    },
    beforeInit: async (app, env) => {
      const group = `rights-test-${uniqueSuffix()}`;
      app.connectMicroservice(
        { strategy: eventsTransport(app, { ...rightsEventsTransport, group, env }) },
        { inheritAppConfig: true },
      );
      await app.startAllMicroservices();
    },
  });
  const store = new PostgresEventStore({
    service: 'rights',
    pool: service.db.pool,
    registry: rightsRegistry,
  });

  return {
    ...service,
    auth,
    store,
    publish: async (events) => {
      await producer.send({
        topic: topics.names[Topics.organisation]!,
        messages: events.map((event) => organisationKeys.message(event)),
      });
      const ids = events.map((event) => event.eventId);
      await eventually(
        async () =>
          (
            await service.db.pool.query<{ count: string }>(
              'SELECT count(*) FROM messaging_processed_events WHERE event_id = ANY($1::uuid[])',
              [ids],
            )
          ).rows[0]!.count,
        (count) => Number(count) === ids.length,
        60_000,
      );
    },
    headers: (caller) => auth.headers(caller),
    count: async (type) =>
      Number(
        (
          await service.db.pool.query<{ count: string }>(
            'SELECT count(*) FROM events WHERE type = $1',
            [type],
          )
        ).rows[0]!.count,
      ),
    close: async () => {
      await service.close();
      await producer.disconnect();
      await topics.delete();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** A supertest answer with its body typed as what it is: JSON of unknown shape. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string | undefined>;
}
export const answer = (response: {
  status: number;
  body: unknown;
  headers: Record<string, string | undefined>;
}): Answer => ({
  status: response.status,
  body: response.body as Record<string, unknown>,
  headers: response.headers,
});

/** A merged and a dissolved union of the small region's west district, and the events of their end. */
export const endingUnions = ({ ids, paths }: ReturnType<typeof smallRegion>) => {
  const [merging, dissolving] = [randomUUID(), randomUUID()];
  const mergingPath = `${paths.west}/${merging}`;
  const dissolvingPath = `${paths.west}/${dissolving}`;
  const union = (id: string, orgPath: string) =>
    orgEvent('UnionRegistered', id, orgPath, {
      unionId: id,
      name: '纺织厂工会',
      parentId: ids.west,
      establishedOn: '2005-01-01',
      orgPath,
    });

  return {
    merging,
    dissolving,
    mergingPath,
    dissolvingPath,
    /** A cadre of the surviving union (u1) and one of the union merged into it. */
    survivorCadre: { role: 'union_cadre', orgPath: paths.u1 } as TestCaller,
    mergedCadre: { role: 'union_cadre', orgPath: mergingPath } as TestCaller,
    registered: [union(merging, mergingPath), union(dissolving, dissolvingPath)],
    merged: orgEvent(
      'UnionMerged',
      merging,
      mergingPath,
      { unionId: merging, intoUnionId: ids.u1, mergedOn: '2026-06-01', reason: '企业兼并' },
      { occurredOn: '2026-06-01' },
    ),
    dissolved: orgEvent(
      'UnionDissolved',
      dissolving,
      dissolvingPath,
      { unionId: dissolving, dissolvedOn: '2026-06-02', reason: '企业注销' },
      { occurredOn: '2026-06-02' },
    ),
  };
};

/**
 * A suite's rights app (started before its tests, closed after), the small region it is to be
 * given, the region's callers, and POST and GET as a caller. Publishing the region is the suite's.
 */
export const rightsSuite = () => {
  const rights = startedForSuite(startRights);
  const region = smallRegion();
  const { paths } = region;
  const caller = (role: TestCaller['role'], orgPath: string): TestCaller => ({ role, orgPath });

  return {
    rights,
    region,
    ids: region.ids,
    paths,
    cadre: caller('union_cadre', paths.u1),
    neighbour: caller('union_cadre', paths.u2),
    officer: caller('federation_officer', paths.west),
    eastOfficer: caller('federation_officer', paths.east),
    cityOfficer: caller('federation_officer', paths.city),
    auditor: caller('auditor', paths.city),
    post: async (
      as: TestCaller,
      path: string,
      payload: unknown,
      headers: Record<string, string> = {},
    ): Promise<Answer> =>
      answer(
        await rights
          .http()
          .post(path)
          .set({ ...(await rights.headers(as)), ...headers })
          .send(payload as object),
      ),
    get: async (as: TestCaller, path: string): Promise<Answer> =>
      answer(
        await rights
          .http()
          .get(path)
          .set(await rights.headers(as)),
      ),
  };
};
