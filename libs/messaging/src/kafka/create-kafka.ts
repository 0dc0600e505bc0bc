import type { LogEntry, SASLOptions } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';

import type { ConsumerLogger } from '../consumer/consumer-logger';

export interface CreateKafkaOptions {
  clientId: string;
  brokers: readonly string[];
  /** Where kafkajs's own warnings and errors go; without it kafkajs stays quiet below ERROR. */
  logger?: ConsumerLogger;
  /** SASL and TLS; by default from the environment (KAFKA_SASL_*, KAFKA_SSL). */
  security?: KafkaSecurity;
}

export const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** How a client proves who it is to the brokers (SASL) and whether it speaks TLS. */
export interface KafkaSecurity {
  ssl: boolean;
  sasl?: SASLOptions;
}

/**
 * The client's security from KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD and
 * KAFKA_SSL (`true` for TLS). Without a mechanism the client connects unauthenticated, as to
 * the local broker; a mechanism without its username and password is refused, naming them.
 */
export const kafkaSecurityFromEnv = (env: NodeJS.ProcessEnv = process.env): KafkaSecurity => {
  const ssl = env['KAFKA_SSL'] === 'true';
  const mechanism = env['KAFKA_SASL_MECHANISM']?.trim().toLowerCase();
  if (!mechanism) return { ssl };
  if (!(SASL_MECHANISMS as readonly string[]).includes(mechanism))
    throw new Error(
      `KAFKA_SASL_MECHANISM must be one of ${SASL_MECHANISMS.join(', ')}, not "${env['KAFKA_SASL_MECHANISM']}"`,
    );
  const username = env['KAFKA_SASL_USERNAME'];
  const password = env['KAFKA_SASL_PASSWORD'];
  if (!username || !password)
    throw new Error(
      `KAFKA_SASL_MECHANISM is ${mechanism}: KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD must be set too`,
    );

  return {
    ssl,
    sasl: { mechanism: mechanism as SaslMechanism, username, password },
  };
};

const toLogger = (logger: ConsumerLogger) => () => (entry: LogEntry) => {
  const { message, ...fields } = entry.log;
  const structured = { ...fields, namespace: entry.namespace, component: 'kafkajs' };
  if (entry.level <= logLevel.ERROR) logger.error(structured, message);
  else logger.warn(structured, message);
};

/**
 * A kafkajs client for the given brokers, authenticated as the environment says (every client of
 * a service is the same principal); topics are never created implicitly (DESIGN §8).
 */
export const createKafka = ({
  clientId,
  brokers,
  logger,
  security = kafkaSecurityFromEnv(),
}: CreateKafkaOptions): Kafka =>
  new Kafka({
    clientId,
    brokers: [...brokers],
    ssl: security.ssl,
    ...(security.sasl ? { sasl: security.sasl } : {}),
    // kafkajs logs group joins and reconnects at INFO; only trouble is worth a log line.
    logLevel: logger ? logLevel.WARN : logLevel.ERROR,
    ...(logger ? { logCreator: toLogger(logger) } : {}),
  });
