import type { KeyObject } from 'node:crypto';
import { randomUUID } from 'node:crypto';

import type { Kafka } from 'kafkajs';

import type { IntegrityBreak, PublishedEvent } from '@taizhang/event-store';
import { checkEventSignature } from '@taizhang/messaging';

export interface PublishedEvents {
  events: Map<string, PublishedEvent>;
  /** Messages on the topic that the service did not sign, or that cannot be read. */
  forged: IntegrityBreak[];
}

interface Offsets {
  partition: number;
  /** The next offset to be written when the topic was measured: read up to it. */
  end: bigint;
}

/** Where each partition ends now; messages published later are not read. */
export const topicEnds = async (kafka: Kafka, topic: string): Promise<Offsets[]> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).map(({ partition, high, low }) => ({
      partition,
      end: BigInt(high) > BigInt(low) ? BigInt(high) : 0n,
    }));
  } finally {
    await admin.disconnect();
  }
};

/**
 * Every event on the service's topic up to `ends`, by event id, each checked against the
 * service's public key. A message not signed by it is a finding of its own, never an event.
 */
export const readPublishedEvents = async (
  kafka: Kafka,
  topic: string,
  ends: Offsets[],
  publicKey: KeyObject,
): Promise<PublishedEvents> => {
  const events = new Map<string, PublishedEvent>();
  const forged: IntegrityBreak[] = [];
  const remaining = new Map(
    ends.filter(({ end }) => end > 0n).map(({ partition, end }) => [partition, end]),
  );
  if (remaining.size === 0) return { events, forged };
  const groupId = `taizhang-audit-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachBatch: async ({ batch }) => {
            const end = remaining.get(batch.partition);
            for (const message of batch.messages) {
              if (end === undefined || BigInt(message.offset) >= end) break;
              const where = `${topic}[${batch.partition}] offset ${message.offset}`;
              if (checkEventSignature(message.value, message.headers, publicKey) !== 'valid') {
                forged.push({
                  streamId: '-',
                  position: '0',
                  reason: `the message at ${where} is not signed by the service's key (forged or altered on the topic)`,
                });
                continue;
              }
              const event = JSON.parse(message.value!.toString()) as {
                eventId: string;
                streamId: string;
                position: string;
                hash: string;
              };
              events.set(event.eventId, {
                streamId: event.streamId,
                position: event.position,
                hash: event.hash,
              });
            }
            const last = batch.messages[batch.messages.length - 1];
            if (end !== undefined && last && BigInt(last.offset) + 1n >= end)
              remaining.delete(batch.partition);
            if (remaining.size === 0) resolve();
            await Promise.resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }

  return { events, forged };
};
