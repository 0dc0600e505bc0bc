import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';

import type { Pool } from 'pg';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

import { PlatformConfig } from '@taizhang/bootstrap';
import { organisationRegistry } from '@taizhang/contracts';
import { createKafka, EventConsumerTransport, nestConsumerLogger } from '@taizhang/messaging';

/** The consumer group of reporting's read models: every instance shares it. */
export const REPORTING_GROUP = 'reporting.read-models';

/** The microservice transport that feeds reporting's `@EventPattern` consumers from Kafka. */
export const reportingEventsTransport = (app: INestApplication): EventConsumerTransport => {
  const config = app.get(PlatformConfig);
  const logger = nestConsumerLogger(new Logger('ReportingEvents'));

  return new EventConsumerTransport({
    kafka: createKafka({
      clientId: `${config.serviceName}-read-models`,
      brokers: config.kafka.brokers,
      logger,
    }),
    // With KAFKA_TOPIC_SUFFIX (tests, several set-ups on one broker) the group is the suffixed
    // topic's own: a group whose members read different topics leaves some partitions unread.
    groupId: `${REPORTING_GROUP}${config.kafka.topic('')}`,
    registry: organisationRegistry,
    pool: (app.get<DataSource>(getDataSourceToken()).driver as unknown as { master: Pool }).master,
    metrics: app.get(Registry),
    logger,
    topicFor: (pattern) => config.kafka.topic(pattern),
  });
};
