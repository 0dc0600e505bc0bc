import type { INestMicroservice } from '@nestjs/common';
import { Controller, Module, UseFilters } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import type { EventEnvelope } from '@taizhang/contracts';
import { deadLetterTopic } from '@taizhang/contracts';

import type { EventConsumer } from '../../src';
import {
  EventConsumerTransport,
  EventContext,
  EventHandlerErrorFilter,
  silentLogger,
  toEventMessage,
} from '../../src';
import {
  fastConsumerConfig,
  fastRetry,
  header,
  INSERT_EFFECT_SQL,
  memberJoined,
  messagingSuite,
  readTopic,
  registry,
} from './messaging-test-kit';

// Decorators take the topic name, which is unique per run: the module is built once it is known.
const membersModule = (topic: string) => {
  @Controller()
  @UseFilters(EventHandlerErrorFilter)
  class MembersConsumer {
    @EventPattern(topic)
    async onEvent(@Payload() event: EventEnvelope, @Ctx() context: EventContext): Promise<void> {
      const { name } = event.data as { name: string };
      if (name === '查无此会') throw new Error(`union ${event.orgUnitId} is not in the directory`);
      await context
        .getTransaction()
        .query(INSERT_EFFECT_SQL, [event.eventId, event.orgUnitId, event.streamVersion]);
    }
  }

  @Module({ controllers: [MembersConsumer] })
  class MembersModule {}

  return MembersModule;
};

describe('EventConsumerTransport under a Nest microservice', () => {
  let app: INestMicroservice | undefined;
  const suite = messagingSuite('transport', 2, () => app?.close());

  it('runs @EventPattern handlers in the transaction, once per event, and dead-letters failures', async () => {
    const { topic } = suite;
    const transport = new EventConsumerTransport({
      kafka: suite.topics.kafka,
      groupId: suite.groupId,
      registry,
      pool: suite.db.pool,
      logger: silentLogger,
      retry: fastRetry,
      consumerConfig: fastConsumerConfig,
    });
    app = await NestFactory.createMicroservice(membersModule(topic), {
      strategy: transport,
      logger: false,
    });
    await app.listen();

    const good = memberJoined('union-t', 1);
    const failing = memberJoined('union-t', 2, { name: '查无此会' });
    await suite.producer.send({
      topic,
      messages: [good, good, failing].map(toEventMessage),
    });
    await transport.unwrap<EventConsumer>().waitUntilCaughtUp();

    const effects = await suite.db.pool.query<{ event_id: string }>(
      'SELECT event_id FROM test_effects',
    );
    expect(effects.rows.map((row) => row.event_id)).toEqual([good.eventId]);
    const [letter] = await readTopic(suite.topics.kafka, deadLetterTopic(topic), 1);
    expect(header(letter!, 'event-id')).toBe(failing.eventId);
    expect(header(letter!, 'dlq-error-code')).toBe('HANDLER_FAILED');
    expect(header(letter!, 'dlq-reason')).toBe(
      'The handler failed 3 times; last error: union union-t is not in the directory',
    );
  });
});
