import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import type { Pool } from 'pg';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';

import { PlatformConfig } from '@taizhang/bootstrap';
import { organisationRegistry, Topics } from '@taizhang/contracts';
import { createKafka, EventConsumer } from '@taizhang/messaging';

import { projectOrgUnitFacts } from './org-unit-facts.projection';

/** Keeps the org-unit facts up to date from `taizhang.organisation.v1`, for the app's lifetime. */
@Injectable()
export class OrganisationEventsConsumer
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  readonly consumer: EventConsumer;

  constructor(
    config: PlatformConfig,
    @InjectDataSource() dataSource: DataSource,
    metrics: Registry,
  ) {
    const logger = new Logger(OrganisationEventsConsumer.name);
    this.consumer = new EventConsumer({
      kafka: createKafka({
        clientId: `${config.serviceName}-org-facts`,
        brokers: [...config.kafka.brokers],
      }),
      groupId: 'reporting.org-unit-facts',
      topics: [config.kafka.topic(Topics.organisation)],
      registry: organisationRegistry,
      pool: (dataSource.driver as unknown as { master: Pool }).master,
      handler: projectOrgUnitFacts,
      metrics,
      logger: {
        info: (fields, msg) => logger.log({ ...fields, msg }),
        warn: (fields, msg) => logger.warn({ ...fields, msg }),
        error: (fields, msg) => logger.error({ ...fields, msg }),
      },
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.consumer.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.consumer.stop();
  }
}
