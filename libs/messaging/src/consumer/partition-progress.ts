/** How far one partition has been processed by this instance, against the partition's end. */
export interface PartitionLag {
  topic: string;
  partition: number;
  /** The broker's high watermark: the offset the next produced message will get. */
  highWatermark: string;
  /** The next offset to process: everything below it is processed or dead-lettered. */
  processedOffset: string;
  /** Messages not yet processed: `highWatermark - processedOffset`, never negative. */
  lag: number;
}

export interface TopicPartition {
  topic: string;
  partition: number;
}

interface Progress {
  highWatermark: bigint;
  processedOffset: bigint;
}

const keyOf = (topic: string, partition: number): string => `${partition}@${topic}`;

const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/**
 * The lag figures of the partitions assigned to this instance. Offsets only move forward, so
 * figures from processing and from periodic broker look-ups can arrive in any order.
 */
export class PartitionProgress {
  private readonly partitions = new Map<string, TopicPartition & Progress>();

  /** A message at `offset` was processed (or dead-lettered); `highWatermark` is from its batch. */
  processed(topic: string, partition: number, offset: string, highWatermark: string): PartitionLag {
    return this.advance(topic, partition, BigInt(offset) + 1n, BigInt(highWatermark));
  }

  /** The broker's view: the group's committed offset (-1 when none) and the high watermark. */
  observed(
    topic: string,
    partition: number,
    committed: string,
    highWatermark: string,
  ): PartitionLag {
    return this.advance(topic, partition, max(BigInt(committed), 0n), BigInt(highWatermark));
  }

  /** Forgets every partition not in `assignment` (after a rebalance) and returns those forgotten. */
  retain(assignment: readonly TopicPartition[]): TopicPartition[] {
    const kept = new Set(assignment.map(({ topic, partition }) => keyOf(topic, partition)));
    const dropped: TopicPartition[] = [];
    for (const [key, { topic, partition }] of this.partitions) {
      if (kept.has(key)) continue;
      this.partitions.delete(key);
      dropped.push({ topic, partition });
    }

    return dropped;
  }

  snapshot(): PartitionLag[] {
    return [...this.partitions.values()]
      .map(toLag)
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }

  private advance(
    topic: string,
    partition: number,
    processedOffset: bigint,
    highWatermark: bigint,
  ): PartitionLag {
    const key = keyOf(topic, partition);
    const current = this.partitions.get(key);
    const next = {
      topic,
      partition,
      processedOffset: max(current?.processedOffset ?? 0n, processedOffset),
      highWatermark: max(current?.highWatermark ?? 0n, highWatermark),
    };
    this.partitions.set(key, next);

    return toLag(next);
  }
}

const toLag = ({
  topic,
  partition,
  highWatermark,
  processedOffset,
}: TopicPartition & Progress) => ({
  topic,
  partition,
  highWatermark: highWatermark.toString(),
  processedOffset: processedOffset.toString(),
  lag: Number(max(highWatermark - processedOffset, 0n)),
});
