import type { LogEntry } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';

import type { ConsumerLogger } from '../consumer/consumer-logger';

export interface CreateKafkaOptions {
  clientId: string;
  brokers: readonly string[];
  /** Where kafkajs's own warnings and errors go; without it kafkajs stays quiet below ERROR. */
  logger?: ConsumerLogger;
}

const toLogger = (logger: ConsumerLogger) => () => (entry: LogEntry) => {
  const { message, ...fields } = entry.log;
  const structured = { ...fields, namespace: entry.namespace, component: 'kafkajs' };
  if (entry.level <= logLevel.ERROR) logger.error(structured, message);
  else logger.warn(structured, message);
};

/** A kafkajs client for the given brokers; topics are never created implicitly (DESIGN §8). */
export const createKafka = ({ clientId, brokers, logger }: CreateKafkaOptions): Kafka =>
  new Kafka({
    clientId,
    brokers: [...brokers],
    // kafkajs logs group joins and reconnects at INFO; only trouble is worth a log line.
    logLevel: logger ? logLevel.WARN : logLevel.ERROR,
    ...(logger ? { logCreator: toLogger(logger) } : {}),
  });
