import type { Admin } from 'kafkajs';

/** One partition as the broker sees it: the group's committed offset (-1 if none) and its end. */
export interface BrokerPartitionOffsets {
  topic: string;
  partition: number;
  committed: string;
  highWatermark: string;
}

/** The committed offsets of `groupId` and the high watermarks of every partition of `topics`. */
export const fetchBrokerOffsets = async (
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<BrokerPartitionOffsets[]> => {
  const [committed, ends] = await Promise.all([
    admin.fetchOffsets({ groupId, topics: [...topics] }),
    Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic))),
  ]);

  return topics.flatMap((topic, index) =>
    (ends[index] ?? []).map(({ partition, high }) => ({
      topic,
      partition,
      highWatermark: high,
      committed:
        committed
          .find((entry) => entry.topic === topic)
          ?.partitions.find((entry) => entry.partition === partition)?.offset ?? '-1',
    })),
  );
};
