import type { EventEnvelope } from '@taizhang/contracts';

import type { EventConsumer } from '../../src';
import { afterCommit, toEventMessage } from '../../src';
import { INSERT_EFFECT_SQL, memberJoined, messagingSuite, suiteConsumer } from './messaging-test-kit';

/**
 * Work left until a transaction committed (reporting's live updates): it sees the effects
 * committed, gets each applied event once, and never one whose handler failed or that was
 * delivered again.
 */
describe('EventConsumer with after-commit work', () => {
  let consumer: EventConsumer | undefined;
  const suite = messagingSuite('after-commit', 1, () => consumer?.stop());

  it('runs after each COMMIT with the events applied, and never for a rolled-back one', async () => {
    const { topic } = suite;
    const events = Array.from({ length: 6 }, (_, i) => memberJoined('union-after', i + 1));
    const throwing = events[3]!;
    const told: string[] = [];
    const visibleWhenTold: number[] = [];
    await suite.producer.send({ topic, messages: events.map(toEventMessage) });

    consumer = suiteConsumer(suite, async (event, tx) => {
      await tx.query(INSERT_EFFECT_SQL, [event.eventId, event.orgUnitId, event.streamVersion]);
      afterCommit<EventEnvelope>(tx, 'tell', (applied) => {
        told.push(...applied.map((each) => each.eventId));
        // Read by another connection: what it is told of is already committed.
        void suite.db.pool
          .query<{ n: number }>('SELECT count(*)::int AS n FROM test_effects WHERE event_id = ANY($1)', [
            applied.map((each) => each.eventId),
          ])
          .then(({ rows }) => visibleWhenTold.push(rows[0]!.n - applied.length));
      }).push(event);
      if (event.eventId === throwing.eventId) throw new Error('this event cannot be applied');
    });
    await consumer.start();
    await consumer.waitUntilCaughtUp();

    expect(told.sort()).toEqual(
      events
        .filter((event) => event !== throwing)
        .map((event) => event.eventId)
        .sort(),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(visibleWhenTold.every((missing) => missing === 0)).toBe(true);

    // Delivered again: nothing is applied, so nothing is told.
    await suite.producer.send({ topic, messages: events.map(toEventMessage) });
    await consumer.waitUntilCaughtUp();
    expect(told).toHaveLength(events.length - 1);
  });
});
