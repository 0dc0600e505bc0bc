import type { OnApplicationShutdown } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

import type { Admin } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';

import { PlatformConfig } from '../config/platform-config';
import { CHECK_TIMEOUT_MS } from './health.constants';
import { messageOf, withTimeout } from './with-timeout';

/**
 * Whether the cluster describes itself (one admin client kept between checks). Reported, never
 * failing readiness: a command needs only PostgreSQL (its events wait in the outbox until the
 * relay can publish them), a read model serves what it has, so an unreachable broker is
 * `{ status: 'up', state: 'degraded', message }`, as Redis is.
 */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private readonly kafka: Kafka;
  private admin: Admin | undefined;
  private connected: Promise<void> | undefined;

  constructor(
    private readonly indicators: HealthIndicatorService,
    config: PlatformConfig,
  ) {
    this.kafka = new Kafka({
      clientId: `${config.kafka.clientId}-health`,
      brokers: [...config.kafka.brokers],
      // The check reports failures itself; kafkajs would log each retry as well.
      logLevel: logLevel.NOTHING,
      connectionTimeout: CHECK_TIMEOUT_MS,
      requestTimeout: CHECK_TIMEOUT_MS,
      retry: { retries: 0 },
    });
  }

  async check(key = 'kafka') {
    const indicator = this.indicators.check(key);
    try {
      const cluster = await withTimeout(this.describeCluster(), CHECK_TIMEOUT_MS, 'Kafka');

      return indicator.up({ state: 'ready', brokers: cluster.brokers.length });
    } catch (error) {
      // A fresh client next time: kafkajs does not always recover a failed admin connection.
      await this.disconnect();

      return indicator.up({ state: 'degraded', message: messageOf(error) });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.disconnect();
  }

  private async describeCluster() {
    if (this.admin === undefined) {
      this.admin = this.kafka.admin();
      this.connected = this.admin.connect();
      // Handled by the await below, or dropped after a timeout: never an unhandled rejection.
      this.connected.catch(() => undefined);
    }
    await this.connected;

    return this.admin.describeCluster();
  }

  private async disconnect(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    this.connected = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
