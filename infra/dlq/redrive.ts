import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';

import { deadLetterTopic } from '@taizhang/contracts';
import {
  createIdempotentProducer,
  DeadLetterHeaders,
  REDRIVEN_FOR_GROUP_HEADER,
} from '@taizhang/messaging';

/** One dead letter as the redrive sees it. */
export interface DeadLetterEntry {
  partition: number;
  offset: string;
  eventId: string | undefined;
  eventType: string | undefined;
  consumerGroup: string | undefined;
  code: string | undefined;
  reason: string | undefined;
}

export interface RedriveOptions {
  kafka: Kafka;
  /** The original topic; its dead letters are read from `<topic>.dlq`. */
  topic: string;
  /** Only list what would be put back: nothing is published, no offset moves. */
  dryRun?: boolean;
  onLetter?: (letter: DeadLetterEntry) => void;
  onProgress?: (done: number, total: number) => void;
}

export interface RedriveResult {
  total: number;
  done: number;
}

/** The group whose committed offsets say how far `<topic>.dlq` has been put back. */
export const redriveGroupOf = (topic: string): string => `taizhang-dlq-redrive.${topic}`;

const text = (headers: IHeaders | undefined, name: string): string | undefined =>
  headers?.[name]?.toString();

const DLQ_HEADERS = new Set<string>(Object.values(DeadLetterHeaders));

/**
 * The original message again: key, value and its own headers, without the dead-letter reason,
 * addressed to the group that dead-lettered it (every other group processed it already).
 */
export const originalMessageOf = (message: KafkaMessage) => {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {}))
    if (!DLQ_HEADERS.has(name) && value !== undefined) headers[name] = value;
  const group = text(message.headers, DeadLetterHeaders.consumerGroup);
  if (group) headers[REDRIVEN_FOR_GROUP_HEADER] = group;

  return { key: message.key, value: message.value, headers };
};

const entryOf = (partition: number, message: KafkaMessage): DeadLetterEntry => ({
  partition,
  offset: message.offset,
  eventId: text(message.headers, 'event-id'),
  eventType: text(message.headers, 'event-type'),
  consumerGroup: text(message.headers, DeadLetterHeaders.consumerGroup),
  code: text(message.headers, DeadLetterHeaders.errorCode),
  reason: text(message.headers, DeadLetterHeaders.reason),
});

/** Where the redrive group stands on each partition of the DLQ, and where the DLQ ends now. */
const positions = async (kafka: Kafka, dlq: string, groupId: string) => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [ends, committed] = await Promise.all([
      admin.fetchTopicOffsets(dlq),
      admin.fetchOffsets({ groupId, topics: [dlq] }),
    ]);
    const done = committed[0]?.partitions ?? [];

    return ends.map(({ partition, low, high }) => {
      const at = done.find((entry) => entry.partition === partition)?.offset ?? '-1';
      const from = BigInt(at) < 0n ? BigInt(low) : BigInt(at);

      return { partition, from, end: BigInt(high) };
    });
  } finally {
    await admin.disconnect();
  }
};

/**
 * Puts the dead letters of `<topic>.dlq` back on `<topic>`, each once: those there when it
 * starts, from where the last redrive stopped. Each is republished, and only once Kafka has
 * acknowledged it is the redrive group's offset committed past it. A crash in between publishes
 * that letter again at the next redrive, which changes nothing: consumers skip an event id their
 * group has processed, and the copy is meant for the dead-lettering group alone.
 */
export const redriveDeadLetters = async (options: RedriveOptions): Promise<RedriveResult> => {
  const { kafka, topic, dryRun = false } = options;
  const dlq = deadLetterTopic(topic);
  const groupId = redriveGroupOf(topic);
  const partitions = (await positions(kafka, dlq, groupId)).filter(({ from, end }) => from < end);
  const total = partitions.reduce((sum, { from, end }) => sum + Number(end - from), 0);
  let done = 0;
  options.onProgress?.(done, total);
  if (total === 0) return { total, done };

  const remaining = new Map(partitions.map(({ partition, end }) => [partition, end]));
  const producer = createIdempotentProducer(kafka);
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
  await Promise.all([dryRun ? undefined : producer.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topics: [dlq], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = remaining.get(partition);
            // Letters dead-lettered after the start (a redriven one failing again) wait for the next run.
            if (end === undefined || BigInt(message.offset) >= end) return;
            options.onLetter?.(entryOf(partition, message));
            if (!dryRun) {
              await producer.send({ topic, acks: -1, messages: [originalMessageOf(message)] });
              const next = (BigInt(message.offset) + 1n).toString();
              await consumer.commitOffsets([{ topic: dlq, partition, offset: next }]);
            }
            done += 1;
            options.onProgress?.(done, total);
            if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    if (!dryRun) await producer.disconnect();
  }

  return { total, done };
};
