import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { checkpointTopic, publisherOfTopic, Topics } from '@taizhang/contracts';

import type { CallerClient } from './http-client';
import { callerClient } from './http-client';
import { testPersonalDataKeys } from './personal-data-keys';
import type { ServiceProcess } from './service-process';
import { startServiceProcess } from './service-process';
import type { TestAuth, TestCaller } from './test-auth';
import { createTestAuth } from './test-auth';
import type { TestDatabase } from './test-database';
import { createTestDatabase } from './test-database';
import type { TestEventKeys } from './test-event-keys';
import { createTestEventKeys } from './test-event-keys';
import type { TestInfrastructure } from './test-infrastructure';
import { testInfrastructure, uniqueSuffix } from './test-infrastructure';
import type { TestTopics } from './test-topics';
import { createTestTopics } from './test-topics';

/** The topics each service consumes besides those a suite names (its events.transport.ts). */
const TOPICS_READ: Record<string, readonly string[]> = {
  // Reporting's own topic too: its relay publishes the reports submitted (报表报送).
  reporting: [Topics.organisation, Topics.rights, Topics.reporting],
  rights: [Topics.organisation, Topics.rights],
};

/** The first admin's password of a gateway started by {@link startServices}. */
export const TEST_ADMIN_PASSWORD = 'admin-password-of-the-test-run';

/** Services running as their own processes, on databases and topics of this run only. */
export interface RunningServices {
  urls: Record<string, string>;
  /** Each service's process id. */
  pids: Record<string, number>;
  databases: Record<string, TestDatabase>;
  topics: TestTopics;
  /** The run's key pair: the services verify with its public key, tests mint tokens with it. */
  auth: TestAuth;
  /** Each service's event-signing key pair of the run: it signs with its own, verifies the others'. */
  eventKeys: Record<string, TestEventKeys>;
  /** A JSON client signed in as the caller (a fresh token for each request). */
  as(caller: TestCaller): CallerClient;
  close(): Promise<void>;
}

/**
 * Starts each service as its own process (as in production) with a fresh database and unique
 * topics for the given contract topics; the services run their own migrations at boot. They
 * verify tokens with the run's public key (AUTH_PUBLIC_KEY), so `auth.token(…)` signs for any
 * role and unit; personal data is sealed under keys of the run ({@link testPersonalDataKeys}).
 * A `gateway` among them starts last, routes to the others, signs with the matching private
 * key, keeps its Redis keys under a prefix of its own and has the first admin `admin` /
 * {@link TEST_ADMIN_PASSWORD}. Each service signs its events with a key pair of the run
 * (EVENT_SIGNING_KEY) and knows the others' public keys (`<SERVICE>_EVENT_PUBLIC_KEY`).
 */
export const startServices = async (
  services: readonly string[],
  asked: readonly string[],
  /** Extra environment for every service (a faster clock, say). */
  env: Record<string, string> = {},
  /** Other PostgreSQL and Kafka than the shared ones (a suite's own, to restart them). */
  infrastructure: TestInfrastructure = testInfrastructure(),
): Promise<RunningServices> => {
  // Every topic a started service reads must exist (no topic is created on first use), so
  // reporting's figures from rights come with reporting even when no suite writes them.
  const read = services.flatMap((service) => TOPICS_READ[service] ?? []);
  const topicNames = [...new Set([...asked, ...read])];
  // With each publisher's checkpoint topic, under the same suffix.
  const topics = await createTestTopics(
    [...topicNames, ...topicNames.map((topic) => checkpointTopic(publisherOfTopic(topic)))],
    { partitions: 12, brokers: infrastructure.kafkaBrokers },
  );
  const suffix = topicNames[0] ? topics.names[topicNames[0]]!.slice(topicNames[0].length) : '';
  const databases = Object.fromEntries(
    await Promise.all(
      services.map(
        async (service) =>
          [
            service,
            await createTestDatabase([], { adminUrl: infrastructure.postgresAdminUrl }),
          ] as const,
      ),
    ),
  );
  const auth = createTestAuth();
  const personalDataKeys = testPersonalDataKeys();
  // A key pair for every service started and every service whose topic is consumed here.
  const publishers = new Set([...services, ...topicNames.map(publisherOfTopic)]);
  const eventKeys = Object.fromEntries(
    [...publishers].map((service) => [service, createTestEventKeys(service)] as const),
  );
  const publicKeys: Record<string, string> = Object.fromEntries(
    Object.values(eventKeys).flatMap((keys) => Object.entries(keys.verifyingEnv)),
  );
  // Each service keeps its keys and checkpoints in a folder of the run's, never in the repository's.
  const dataDirs = Object.fromEntries(
    services.map((service) => [service, mkdtempSync(path.join(tmpdir(), `taizhang-${service}-`))]),
  );
  const envOf = (service: string): Record<string, string> => ({
    TAIZHANG_DATA_DIR: dataDirs[service]!,
    ...publicKeys,
    ...eventKeys[service]!.signingEnv,
    DATABASE_URL: databases[service]!.url,
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    REDIS_URL: infrastructure.redisUrl,
    KAFKA_TOPIC_SUFFIX: suffix,
    AUTH_PUBLIC_KEY: auth.publicKeyPem,
    ...personalDataKeys,
    ...env,
  });
  // The gateway starts last, knowing where the others listen; it signs with the run's key.
  const others = services.filter((service) => service !== 'gateway');
  const started = await Promise.all(
    others.map((service) => startServiceProcess(service, envOf(service))),
  );
  const processes = new Map<string, ServiceProcess>(others.map((s, i) => [s, started[i]!]));
  if (services.includes('gateway'))
    processes.set(
      'gateway',
      await startServiceProcess('gateway', {
        ...Object.fromEntries(
          others.map((s) => [`${s.toUpperCase().replaceAll('-', '_')}_URL`, processes.get(s)!.url]),
        ),
        AUTH_PRIVATE_KEY: auth.privateKeyPem,
        REDIS_KEY_PREFIX: `test:gateway:${uniqueSuffix()}:`,
        TAIZHANG_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
        LOGIN_FAILURE_DELAY_MS: '1',
        ...envOf('gateway'),
      }),
    );

  return {
    urls: Object.fromEntries(services.map((service) => [service, processes.get(service)!.url])),
    pids: Object.fromEntries(services.map((service) => [service, processes.get(service)!.pid])),
    databases,
    topics,
    auth,
    eventKeys,
    as: (caller) => callerClient(() => auth.headers(caller)),
    close: async () => {
      await Promise.all([...processes.values()].map((process) => process.stop()));
      await Promise.all(Object.values(databases).map((database) => database.drop()));
      await topics.delete();
      for (const dir of Object.values(dataDirs)) rmSync(dir, { recursive: true, force: true });
    },
  };
};
