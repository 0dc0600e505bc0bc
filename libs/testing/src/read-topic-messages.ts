import type { Kafka, KafkaMessage } from 'kafkajs';

import { uniqueSuffix } from './test-infrastructure';

/** A message read back, its headers as text. */
export interface ReadMessage {
  partition: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

const textHeaders = (message: KafkaMessage): Record<string, string> =>
  Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [
      name,
      String(Array.isArray(value) ? value[0] : value),
    ]),
  );

/**
 * Reads a topic from the beginning, with a throwaway group, until `count` messages arrived
 * (a dead-letter topic, say): fails with how many came if they do not within `timeoutMs`.
 */
export const readTopicMessages = async (
  kafka: Kafka,
  topic: string,
  count: number,
  timeoutMs = 30_000,
): Promise<ReadMessage[]> => {
  const groupId = `reader-${uniqueSuffix()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Read ${messages.length} of ${count} messages from ${topic}`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: ({ partition, message }) => {
          messages.push({
            partition,
            key: message.key?.toString() ?? null,
            value: message.value?.toString() ?? null,
            headers: textHeaders(message),
          });
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve();
          }

          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }

  return messages;
};
