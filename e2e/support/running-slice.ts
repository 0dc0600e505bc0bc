import { Topics } from '@taizhang/contracts';
import type { ServiceProcess, TestDatabase, TestTopics } from '@taizhang/testing';
import {
  createTestDatabase,
  createTestTopics,
  startServiceProcess,
  testInfrastructure,
} from '@taizhang/testing';

/** organisation and reporting, each its own process as in production, on their own databases and topics. */
export interface RunningSlice {
  organisationUrl: string;
  reportingUrl: string;
  organisationDb: TestDatabase;
  reportingDb: TestDatabase;
  topics: TestTopics;
  close(): Promise<void>;
}

export const startSlice = async (): Promise<RunningSlice> => {
  const topics = await createTestTopics([Topics.organisation], { partitions: 12 });
  // The services run their own migrations at boot, as in production.
  const [organisationDb, reportingDb] = await Promise.all([
    createTestDatabase([]),
    createTestDatabase([]),
  ]);
  const infrastructure = testInfrastructure();
  const env = (url: string) => ({
    DATABASE_URL: url,
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    REDIS_URL: infrastructure.redisUrl,
    KAFKA_TOPIC_SUFFIX: topics.names[Topics.organisation]!.slice(Topics.organisation.length),
  });
  const services: ServiceProcess[] = await Promise.all([
    startServiceProcess('organisation', env(organisationDb.url)),
    startServiceProcess('reporting', env(reportingDb.url)),
  ]);
  const [organisation, reporting] = services as [ServiceProcess, ServiceProcess];

  return {
    organisationUrl: organisation.url,
    reportingUrl: reporting.url,
    organisationDb,
    reportingDb,
    topics,
    close: async () => {
      await Promise.all(services.map((service) => service.stop()));
      await Promise.all([organisationDb.drop(), reportingDb.drop()]);
      await topics.delete();
    },
  };
};
