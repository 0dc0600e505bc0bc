import type { INestMicroservice } from '@nestjs/common';
import { Controller, Module, UseFilters } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import { z } from 'zod';

import type { EventEnvelope } from '@taizhang/contracts';
import { deadLetterTopic, defineEvent, EventRegistry } from '@taizhang/contracts';
import type { TestDatabase, TestTopics } from '@taizhang/testing';
import {
  createTestDatabase,
  createTestEventKeys,
  createTestTopics,
  uniqueSuffix,
} from '@taizhang/testing';

import type { EventConsumer } from '../../src';
import {
  createIdempotentProducer,
  EventConsumerTransport,
  EventContext,
  EventHandlerErrorFilter,
  messagingMigrations,
  silentLogger,
} from '../../src';
import {
  CreateTestEffects1760000000001,
  deleteGroups,
  fastConsumerConfig,
  fastRetry,
  header,
  INSERT_EFFECT_SQL,
  memberJoined,
  readTopic,
  registry as membersRegistry,
} from './messaging-test-kit';

// A second publisher's one event, so that each topic is decoded by its own registry.
const VisitRecordedV1 = defineEvent(
  'VisitRecorded',
  1,
  z.object({ visitId: z.string().min(1), household: z.string().min(1) }),
);
const visitsRegistry = new EventRegistry([VisitRecordedV1]);

const visitRecorded = (unionId: string, streamVersion: number): EventEnvelope => ({
  ...memberJoined(unionId, streamVersion),
  type: 'VisitRecorded',
  service: 'hardship-aid',
  streamId: `visit-${unionId}`,
  data: { visitId: `v-${streamVersion}`, household: '张家' },
});

// Decorators take the topic names, which are unique per run: the module is built once known.
const consumerModule = (membersTopic: string, visitsTopic: string) => {
  @Controller()
  @UseFilters(EventHandlerErrorFilter)
  class EffectsConsumer {
    @EventPattern(membersTopic)
    onMember(@Payload() event: EventEnvelope, @Ctx() context: EventContext): Promise<unknown> {
      return context
        .getTransaction()
        .query(INSERT_EFFECT_SQL, [event.eventId, event.orgUnitId, event.streamVersion]);
    }

    @EventPattern(visitsTopic)
    onVisit(@Payload() event: EventEnvelope, @Ctx() context: EventContext): Promise<unknown> {
      return context
        .getTransaction()
        .query(INSERT_EFFECT_SQL, [event.eventId, `visit:${event.orgUnitId}`, event.streamVersion]);
    }
  }

  @Module({ controllers: [EffectsConsumer] })
  class EffectsModule {}

  return EffectsModule;
};

const endOf = async (topics: TestTopics, topic: string): Promise<number> => {
  const admin = topics.kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);

    return offsets.reduce((sum, { high }) => sum + Number(high), 0);
  } finally {
    await admin.disconnect();
  }
};

describe('One consumer group over two topics, each with its registry and its publisher', () => {
  let db: TestDatabase;
  let topics: TestTopics;
  let app: INestMicroservice | undefined;
  const groupId = `several-topics-spec-${uniqueSuffix()}`;

  beforeAll(async () => {
    [db, topics] = await Promise.all([
      createTestDatabase([...messagingMigrations, CreateTestEffects1760000000001]),
      createTestTopics(['messaging-members', 'messaging-visits'], { partitions: 2 }),
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await deleteGroups(topics.kafka, [groupId]);
    await Promise.all([topics.delete(), db.drop()]);
  });

  it('handles each event once, decodes each topic with its registry and dead-letters a forgery to its own topic', async () => {
    const membersTopic = topics.names['messaging-members']!;
    const visitsTopic = topics.names['messaging-visits']!;
    const organisation = createTestEventKeys('organisation');
    const hardshipAid = createTestEventKeys('hardship-aid');
    const member = memberJoined('union-m', 1);
    const visit = visitRecorded('union-v', 1);
    const forged = visitRecorded('union-v', 2);
    // A member event on the visits topic: its registry does not know the type.
    const stray = memberJoined('union-v', 3);
    const producer = createIdempotentProducer(topics.kafka);
    await producer.connect();
    await producer.send({
      topic: membersTopic,
      messages: [organisation.message(member), organisation.message(member)],
    });
    await producer.send({
      topic: visitsTopic,
      messages: [
        hardshipAid.message(visit),
        hardshipAid.message(visit),
        organisation.message(forged),
        hardshipAid.message(stray),
      ],
    });
    await producer.disconnect();

    const transport = new EventConsumerTransport({
      kafka: topics.kafka,
      groupId,
      registries: { [membersTopic]: membersRegistry, [visitsTopic]: visitsRegistry },
      signatures: {
        [membersTopic]: organisation.publicKeySource,
        [visitsTopic]: hardshipAid.publicKeySource,
      },
      pool: db.pool,
      logger: silentLogger,
      retry: fastRetry,
      consumerConfig: fastConsumerConfig,
    });
    app = await NestFactory.createMicroservice(consumerModule(membersTopic, visitsTopic), {
      strategy: transport,
      logger: false,
    });
    await app.listen();
    await transport.unwrap<EventConsumer>().waitUntilCaughtUp();

    const effects = await db.pool.query<{ event_id: string; org_unit_id: string }>(
      'SELECT event_id, org_unit_id FROM test_effects ORDER BY org_unit_id',
    );
    expect(effects.rows).toEqual([
      { event_id: member.eventId, org_unit_id: 'union-m' },
      { event_id: visit.eventId, org_unit_id: 'visit:union-v' },
    ]);
    const letters = await readTopic(topics.kafka, deadLetterTopic(visitsTopic), 2);
    expect(
      letters
        .map((letter) => [header(letter, 'event-id'), header(letter, 'dlq-error-code')])
        .sort(([, a], [, b]) => String(a).localeCompare(String(b))),
    ).toEqual([
      [forged.eventId, 'INVALID_SIGNATURE'],
      [stray.eventId, 'UNKNOWN_EVENT_TYPE'],
    ]);
    expect(await endOf(topics, deadLetterTopic(membersTopic))).toBe(0);
  });

  it('does not start with a handled topic it has no registry for', async () => {
    const membersTopic = topics.names['messaging-members']!;
    const visitsTopic = topics.names['messaging-visits']!;
    const unready = await NestFactory.createMicroservice(
      consumerModule(membersTopic, visitsTopic),
      {
        strategy: new EventConsumerTransport({
          kafka: topics.kafka,
          groupId: `${groupId}-unready`,
          registries: { [membersTopic]: membersRegistry },
          pool: db.pool,
          logger: silentLogger,
        }),
        logger: false,
      },
    );
    await expect(unready.listen()).rejects.toThrow(
      `No event registry to decode the topic(s) ${visitsTopic} with`,
    );
    await unready.close();
  });
});
