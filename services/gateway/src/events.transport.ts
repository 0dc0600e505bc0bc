import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';

import type { Pool } from 'pg';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

import { PlatformConfig } from '@taizhang/bootstrap';
import { organisationRegistry, Topics } from '@taizhang/contracts';
import {
  createKafka,
  EventConsumerTransport,
  eventPublicKeyFromEnv,
  nestConsumerLogger,
} from '@taizhang/messaging';

/** The consumer group of the gateway's org-tree replica: every instance shares it. */
export const GATEWAY_GROUP = 'gateway.org-tree';

/** The microservice transport that feeds the gateway's `@EventPattern` consumers from Kafka. */
export const gatewayEventsTransport = (
  app: INestApplication,
  groupId?: string,
  env: Record<string, string | undefined> = process.env,
): EventConsumerTransport => {
  const config = app.get(PlatformConfig);
  // With KAFKA_TOPIC_SUFFIX (tests, several set-ups on one broker) the group is the suffixed
  // topic's own: a group whose members read different topics leaves some partitions unread.
  groupId ??= `${GATEWAY_GROUP}${config.kafka.topic('')}`;
  const logger = nestConsumerLogger(new Logger('GatewayEvents'));

  return new EventConsumerTransport({
    kafka: createKafka({
      clientId: `${config.serviceName}-org-tree`,
      brokers: config.kafka.brokers,
      logger,
    }),
    groupId,
    registry: organisationRegistry,
    pool: (app.get<DataSource>(getDataSourceToken()).driver as unknown as { master: Pool }).master,
    metrics: app.get(Registry),
    logger,
    topicFor: (pattern) => config.kafka.topic(pattern),
    // The tree gives tokens their scope: only what organisation signed may build it.
    signatures: {
      [config.kafka.topic(Topics.organisation)]: eventPublicKeyFromEnv('organisation', env),
    },
  });
};
