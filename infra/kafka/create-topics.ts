import {
  allTopics,
  checkpointTopics,
  deadLetterTopic,
  TOPIC_PARTITIONS,
  Topics,
} from '@taizhang/contracts';
import { createKafka, createTopicsAndWait } from '@taizhang/messaging';

/** Dead letters are rare and only read by people; a few partitions are enough. */
const DLQ_PARTITIONS = 3;
/** A service's checkpoints are one sequence, read newest first: one partition keeps their order. */
const CHECKPOINT_PARTITIONS = 1;

export const kafkaBrokers = (env: NodeJS.ProcessEnv = process.env): string[] =>
  (env['KAFKA_BROKERS'] ?? `127.0.0.1:${env['KAFKA_PORT'] ?? 9092}`)
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);

/**
 * Creates every platform topic and its `.dlq` that is missing, kept forever (`retention.ms=-1`)
 * so that history can be replayed. Existing topics are left as they are: adding partitions later
 * would move keys and break the order of each org unit's events. Returns the topics created.
 */
export const createTopics = async (brokers: string[] = kafkaBrokers()): Promise<string[]> => {
  // Signed in as KAFKA_SASL_* say (docker compose: the admin principal, which may create topics).
  const kafka = createKafka({ clientId: 'taizhang-create-topics', brokers });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const deadLetters = new Set(Object.values(Topics).map(deadLetterTopic));
    const checkpoints = new Set(checkpointTopics());
    const missing = allTopics().filter((topic) => !existing.has(topic));
    const partitionsOf = (topic: string): number =>
      deadLetters.has(topic)
        ? DLQ_PARTITIONS
        : checkpoints.has(topic)
          ? CHECKPOINT_PARTITIONS
          : TOPIC_PARTITIONS;
    await createTopicsAndWait(
      admin,
      missing.map((topic) => ({
        topic,
        numPartitions: partitionsOf(topic),
        replicationFactor: 1,
        configEntries: [{ name: 'retention.ms', value: '-1' }],
      })),
    );

    return missing;
  } finally {
    await admin.disconnect();
  }
};

if (require.main === module) {
  createTopics()
    .then((created) =>
      console.log(
        created.length > 0
          ? `kafka: created topics ${created.join(', ')}`
          : 'kafka: every topic exists',
      ),
    )
    .catch((error: unknown) => {
      console.error(
        `Could not create the Kafka topics at ${kafkaBrokers().join(',')} (${(error as Error).message}); start the broker with "node infra/kafka/kafka.mjs ensure" or set KAFKA_BROKERS`,
      );
      process.exitCode = 1;
    });
}
