import type { KeyObject } from 'node:crypto';

import type { Kafka } from 'kafkajs';

import type { IntegrityBreak, PublishedEvent } from '@taizhang/event-store';
import { checkEventSignature } from '@taizhang/messaging';

import type { PartitionEnd } from './read-topic';
import { readTopicUpTo } from './read-topic';

export interface PublishedEvents {
  events: Map<string, PublishedEvent>;
  /** Messages on the topic that the service did not sign, or that cannot be read. */
  forged: IntegrityBreak[];
}

/**
 * Every event on the service's topic up to `ends`, by event id, each checked against the
 * service's public key. A message not signed by it is a finding of its own, never an event.
 */
export const readPublishedEvents = async (
  kafka: Kafka,
  topic: string,
  ends: readonly PartitionEnd[],
  publicKey: KeyObject,
): Promise<PublishedEvents> => {
  const events = new Map<string, PublishedEvent>();
  const forged: IntegrityBreak[] = [];
  await readTopicUpTo(kafka, topic, ends, (partition, messages) => {
    for (const message of messages) {
      const where = `${topic}[${partition}] offset ${message.offset}`;
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
  });

  return { events, forged };
};
