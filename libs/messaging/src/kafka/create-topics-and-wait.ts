import type { Admin, ITopicConfig } from 'kafkajs';

const READY_WITHIN_MS = 30_000;

/**
 * Creates the topics, then waits until every partition's leader answers for its offsets.
 * kafkajs' own `waitForLeaders` gives up at once when a busy broker's metadata still says
 * "does not host this topic-partition" for a topic it has just created; this polls through that.
 */
export const createTopicsAndWait = async (
  admin: Admin,
  topics: readonly ITopicConfig[],
): Promise<void> => {
  if (topics.length === 0) return;
  await admin.createTopics({ waitForLeaders: false, topics: [...topics] });
  const deadline = Date.now() + READY_WITHIN_MS;
  for (const { topic, numPartitions = 1 } of topics)
    for (;;) {
      const offsets = await admin.fetchTopicOffsets(topic).catch(() => []);
      if (offsets.length === numPartitions) break;
      if (Date.now() > deadline)
        throw new Error(`Kafka topic ${topic} did not become ready in ${READY_WITHIN_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
};
