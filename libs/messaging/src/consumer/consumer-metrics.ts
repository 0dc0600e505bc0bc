import type { Metric } from 'prom-client';
import { Counter, Gauge, Registry } from 'prom-client';

import type { DeadLetterCode } from './dead-letter';
import type { PartitionLag, TopicPartition } from './partition-progress';

/** Metric names, stable for dashboards and alerts. */
export const ConsumerMetricNames = {
  lag: 'taizhang_consumer_lag',
  processed: 'taizhang_consumer_processed_total',
  duplicates: 'taizhang_consumer_duplicates_skipped_total',
  deadLettered: 'taizhang_consumer_dead_lettered_total',
  retries: 'taizhang_consumer_retries_total',
} as const;

// Several consumers (groups, or instances in tests) may share one registry: reuse what exists.
const getOrCreate = <T extends Metric>(registry: Registry, name: string, create: () => T): T =>
  (registry.getSingleMetric(name) as T | undefined) ?? create();

/** The consumer's Prometheus metrics, labelled by consumer group (and topic, partition, code). */
export class ConsumerMetrics {
  private readonly lagGauge: Gauge<'group' | 'topic' | 'partition'>;
  private readonly processedCounter: Counter<'group' | 'topic'>;
  private readonly duplicatesCounter: Counter<'group' | 'topic'>;
  private readonly deadLetteredCounter: Counter<'group' | 'topic' | 'code'>;
  private readonly retriesCounter: Counter<'group' | 'topic'>;

  constructor(
    private readonly groupId: string,
    registry: Registry = new Registry(),
  ) {
    const registers = [registry];
    this.lagGauge = getOrCreate(
      registry,
      ConsumerMetricNames.lag,
      () =>
        new Gauge({
          name: ConsumerMetricNames.lag,
          help: 'Messages on the partition not yet processed by the consumer group',
          labelNames: ['group', 'topic', 'partition'],
          registers,
        }),
    );
    const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
      getOrCreate(registry, name, () => new Counter<L>({ name, help, labelNames, registers }));
    this.processedCounter = counter(
      ConsumerMetricNames.processed,
      'Events whose handler ran and committed',
      ['group', 'topic'],
    );
    this.duplicatesCounter = counter(
      ConsumerMetricNames.duplicates,
      'Redelivered events skipped because they were processed before',
      ['group', 'topic'],
    );
    this.deadLetteredCounter = counter(
      ConsumerMetricNames.deadLettered,
      'Messages sent to the dead-letter topic, by reason code',
      ['group', 'topic', 'code'],
    );
    this.retriesCounter = counter(
      ConsumerMetricNames.retries,
      'Handler attempts that failed and were retried',
      ['group', 'topic'],
    );
  }

  lag({ topic, partition, lag }: PartitionLag): void {
    this.lagGauge.set({ group: this.groupId, topic, partition: String(partition) }, lag);
  }

  forget({ topic, partition }: TopicPartition): void {
    this.lagGauge.remove({ group: this.groupId, topic, partition: String(partition) });
  }

  processed(topic: string): void {
    this.processedCounter.inc({ group: this.groupId, topic });
  }

  duplicate(topic: string): void {
    this.duplicatesCounter.inc({ group: this.groupId, topic });
  }

  deadLettered(topic: string, code: DeadLetterCode): void {
    this.deadLetteredCounter.inc({ group: this.groupId, topic, code });
  }

  retried(topic: string): void {
    this.retriesCounter.inc({ group: this.groupId, topic });
  }
}
