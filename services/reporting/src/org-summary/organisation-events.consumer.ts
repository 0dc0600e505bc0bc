import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import type { Pool } from 'pg';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';

import { PlatformConfig } from '@taizhang/bootstrap';
import { organisationRegistry } from '@taizhang/contracts';
import { createKafka, EventConsumer } from '@taizhang/messaging';

import { projectOrgUnitFacts } from './org-unit-facts.projection';

/** The organisation topic this instance reads (tests give it a suffix of their own). */
export const ORGANISATION_TOPIC = Symbol('ORGANISATION_TOPIC');

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
    @Inject(ORGANISATION_TOPIC) topic: string,
  ) {
    const logger = new Logger(OrganisationEventsConsumer.name);
    this.consumer = new EventConsumer({
      kafka: createKafka({
        clientId: `${config.serviceName}-org-facts`,
        brokers: [...config.kafka.brokers],
      }),
      groupId: 'reporting.org-unit-facts',
      topics: [topic],
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
