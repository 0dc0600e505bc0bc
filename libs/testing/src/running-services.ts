import type { CallerClient } from './http-client';
import { callerClient } from './http-client';
import type { ServiceProcess } from './service-process';
import { startServiceProcess } from './service-process';
import type { TestAuth, TestCaller } from './test-auth';
import { createTestAuth } from './test-auth';
import type { TestDatabase } from './test-database';
import { createTestDatabase } from './test-database';
import { testInfrastructure } from './test-infrastructure';
import type { TestTopics } from './test-topics';
import { createTestTopics } from './test-topics';

/** Services running as their own processes, on databases and topics of this run only. */
export interface RunningServices {
  urls: Record<string, string>;
  databases: Record<string, TestDatabase>;
  topics: TestTopics;
  /** The run's key pair: the services verify with its public key, tests mint tokens with it. */
  auth: TestAuth;
  /** A JSON client signed in as the caller (a fresh token for each request). */
  as(caller: TestCaller): CallerClient;
  close(): Promise<void>;
}

/**
 * Starts each service as its own process (as in production) with a fresh database and unique
 * topics for the given contract topics; the services run their own migrations at boot. They
 * verify tokens with the run's public key (AUTH_PUBLIC_KEY), so `auth.token(…)` signs for any
 * role and unit; a gateway among them signs with the matching private key.
 */
export const startServices = async (
  services: readonly string[],
  topicNames: readonly string[],
  /** Extra environment for every service (a faster clock, say). */
  env: Record<string, string> = {},
): Promise<RunningServices> => {
  const topics = await createTestTopics(topicNames, { partitions: 12 });
  const suffix = topicNames[0] ? topics.names[topicNames[0]]!.slice(topicNames[0].length) : '';
  const databases = Object.fromEntries(
    await Promise.all(
      services.map(async (service) => [service, await createTestDatabase([])] as const),
    ),
  );
  const infrastructure = testInfrastructure();
  const auth = createTestAuth();
  const processes: ServiceProcess[] = await Promise.all(
    services.map((service) =>
      startServiceProcess(service, {
        DATABASE_URL: databases[service]!.url,
        KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
        REDIS_URL: infrastructure.redisUrl,
        KAFKA_TOPIC_SUFFIX: suffix,
        AUTH_PUBLIC_KEY: auth.publicKeyPem,
        ...(service === 'gateway' ? { AUTH_PRIVATE_KEY: auth.privateKeyPem } : {}),
        ...env,
      }),
    ),
  );

  return {
    urls: Object.fromEntries(services.map((service, i) => [service, processes[i]!.url])),
    databases,
    topics,
    auth,
    as: (caller) => callerClient(() => auth.headers(caller)),
    close: async () => {
      await Promise.all(processes.map((process) => process.stop()));
      await Promise.all(Object.values(databases).map((database) => database.drop()));
      await topics.delete();
    },
  };
};
