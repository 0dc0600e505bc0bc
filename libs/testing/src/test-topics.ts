import type { Admin } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';

import { testInfrastructure, uniqueSuffix } from './test-infrastructure';

export interface TestTopics {
  /** The unique topic name for each base name asked for (`<base>.<suffix>`), with its `.dlq`. */
  names: Record<string, string>;
  kafka: Kafka;
  delete(): Promise<void>;
}

/**
 * A new topic's leaders are elected before every broker-side component knows its partitions; a
 * suite that produces or reads offsets at once can meet "does not host this topic-partition".
 */
const untilEveryPartitionAnswers = async (
  admin: Admin,
  topics: readonly string[],
  partitions: number,
): Promise<void> => {
  const deadline = Date.now() + 15_000;
  for (const topic of topics)
    for (;;) {
      const offsets = await admin.fetchTopicOffsets(topic).catch(() => []);
      if (offsets.length === partitions) break;
      if (Date.now() > deadline)
        throw new Error(`Kafka topic ${topic} did not become ready in 15 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
};

/** Creates unique topics (and their dead-letter topics) for one suite; `delete` removes them. */
export const createTestTopics = async (
  baseNames: readonly string[],
  options: { partitions?: number } = {},
): Promise<TestTopics> => {
  const kafka = new Kafka({
    clientId: 'taizhang-test',
    brokers: testInfrastructure().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const suffix = uniqueSuffix();
  const names = Object.fromEntries(baseNames.map((base) => [base, `${base}.test-${suffix}`]));
  const all = Object.values(names).flatMap((topic) => [topic, `${topic}.dlq`]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: all.map((topic) => ({
        topic,
        numPartitions: options.partitions ?? 3,
        replicationFactor: 1,
      })),
    });
    await untilEveryPartitionAnswers(admin, all, options.partitions ?? 3);
  } finally {
    await admin.disconnect();
  }

  return {
    names,
    kafka,
    delete: async () => {
      const cleanup = kafka.admin();
      await cleanup.connect();
      try {
        await cleanup.deleteTopics({ topics: all });
      } finally {
        await cleanup.disconnect();
      }
    },
  };
};
