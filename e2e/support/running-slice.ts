import type { INestApplication } from '@nestjs/common';

import { createServiceApp } from '@taizhang/bootstrap';
import { Topics } from '@taizhang/contracts';
import type { TestDatabase, TestTopics } from '@taizhang/testing';
import { createTestDatabase, createTestTopics, testInfrastructure } from '@taizhang/testing';

import { organisationModule } from '../../services/organisation/src/app.module';
import { reportingModule } from '../../services/reporting/src/app.module';

/** organisation and reporting running in this process, on their own databases and topics. */
export interface RunningSlice {
  organisation: INestApplication;
  reporting: INestApplication;
  organisationUrl: string;
  reportingUrl: string;
  organisationDb: TestDatabase;
  reportingDb: TestDatabase;
  topics: TestTopics;
  close(): Promise<void>;
}

const listen = async (app: INestApplication): Promise<string> => {
  await app.listen(0, '127.0.0.1');

  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
};

export const startSlice = async (): Promise<RunningSlice> => {
  const topics = await createTestTopics([Topics.organisation], { partitions: 12 });
  const suffix = topics.names[Topics.organisation]!.slice(Topics.organisation.length);
  // The services run their own migrations at boot, as in production.
  const [organisationDb, reportingDb] = await Promise.all([createTestDatabase([]), createTestDatabase([])]);
  const infrastructure = testInfrastructure();
  const env = (url: string) => ({
    PORT: '0',
    DATABASE_URL: url,
    KAFKA_BROKERS: infrastructure.kafkaBrokers.join(','),
    REDIS_URL: infrastructure.redisUrl,
    KAFKA_TOPIC_SUFFIX: suffix,
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    NODE_ENV: 'test',
  });
  const organisation = await createServiceApp(organisationModule(env(organisationDb.url)));
  const reporting = await createServiceApp(reportingModule(env(reportingDb.url)));
  const [organisationUrl, reportingUrl] = await Promise.all([listen(organisation), listen(reporting)]);

  return {
    organisation,
    reporting,
    organisationUrl,
    reportingUrl,
    organisationDb,
    reportingDb,
    topics,
    close: async () => {
      await Promise.all([organisation.close(), reporting.close()]);
      await Promise.all([organisationDb.drop(), reportingDb.drop()]);
      await topics.delete();
    },
  };
};
