import { randomUUID } from 'node:crypto';

import type { Kafka, KafkaMessage } from 'kafkajs';

/** Where a partition ended when the topic was measured: the next offset to be written. */
export interface PartitionEnd {
  partition: number;
  end: bigint;
}

/** Where each partition ends now; messages published later are not read. */
export const topicEnds = async (kafka: Kafka, topic: string): Promise<PartitionEnd[]> => {
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
 * Reads `topic` from the beginning up to `ends` with a consumer group of its own (deleted
 * afterwards, so it leaves no offsets behind): each batch's messages below its partition's end go
 * to `onMessages`, and the read ends once every partition reached its end.
 */
export const readTopicUpTo = async (
  kafka: Kafka,
  topic: string,
  ends: readonly PartitionEnd[],
  onMessages: (partition: number, messages: KafkaMessage[]) => void,
): Promise<void> => {
  const remaining = new Map(
    ends.filter(({ end }) => end > 0n).map(({ partition, end }) => [partition, end]),
  );
  if (remaining.size === 0) return;
  const groupId = `taizhang-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachBatch: async ({ batch }) => {
            const end = remaining.get(batch.partition);
            if (end === undefined) return;
            onMessages(
              batch.partition,
              batch.messages.filter((message) => BigInt(message.offset) < end),
            );
            const last = batch.messages[batch.messages.length - 1];
            if (last && BigInt(last.offset) + 1n >= end) remaining.delete(batch.partition);
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
};
