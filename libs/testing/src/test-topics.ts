import { Kafka, logLevel } from 'kafkajs';

import { createTopicsAndWait } from '@taizhang/messaging';

import { testInfrastructure, uniqueSuffix } from './test-infrastructure';

export interface TestTopics {
  /** The unique topic name for each base name asked for (`<base>.<suffix>`), with its `.dlq`. */
  names: Record<string, string>;
  kafka: Kafka;
  delete(): Promise<void>;
}

/** Creates unique topics (and their dead-letter topics) for one suite; `delete` removes them. */
export const createTestTopics = async (
  baseNames: readonly string[],
  options: { partitions?: number; brokers?: string[] } = {},
): Promise<TestTopics> => {
  const kafka = new Kafka({
    clientId: 'taizhang-test',
    brokers: options.brokers ?? testInfrastructure().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const suffix = uniqueSuffix();
  const names = Object.fromEntries(baseNames.map((base) => [base, `${base}.test-${suffix}`]));
  const all = Object.values(names).flatMap((topic) => [topic, `${topic}.dlq`]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await createTopicsAndWait(
      admin,
      all.map((topic) => ({ topic, numPartitions: options.partitions ?? 3, replicationFactor: 1 })),
    );
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
