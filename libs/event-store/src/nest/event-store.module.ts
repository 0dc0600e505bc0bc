import type { KeyObject } from 'node:crypto';

import type {
  BeforeApplicationShutdown,
  DynamicModule,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { ModuleMetadata } from '@nestjs/common';
import { Inject, Injectable, Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';

import type { DataSource } from 'typeorm';

import type { EventRegistry } from '@taizhang/contracts';
import { createIdempotentProducer, createKafka, nestConsumerLogger } from '@taizhang/messaging';

import { CheckpointScheduler } from '../checkpoints/checkpoint-scheduler';
import { OutboxRelay } from '../outbox/outbox-relay';
import { poolOf } from '../postgres/pool-of';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { ProcessedCommandsRetention } from '../retention/processed-commands-retention';

export interface EventStoreModuleOptions {
  service: string;
  /** The service's topic, where the relay publishes every stored event. */
  topic: string;
  registry: EventRegistry;
  kafkaBrokers: string[];
  /** How long Idempotency-Keys are kept (`IDEMPOTENCY_KEY_RETENTION_HOURS`, 24 by default). */
  idempotencyKeyRetentionHours?: number;
  /** The service's event-signing key (`loadEventSigningKey` of `@taizhang/messaging`). */
  signingKey: KeyObject;
  /** Signed checkpoints of the store, kept in `file` and published on `topic` every interval. */
  checkpoints?: { file: string; topic: string; intervalMs: number };
}

export const EVENT_STORE_OPTIONS = Symbol('EVENT_STORE_OPTIONS');

/**
 * Starts what runs beside the store once the app is up (the relay, the pruning of old
 * Idempotency-Keys, the checkpoints) and stops them before shutdown, the relay flushing its batch.
 */
@Injectable()
class EventStoreLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(ProcessedCommandsRetention) private readonly retention: ProcessedCommandsRetention,
    @Inject(CheckpointScheduler) private readonly checkpoints: CheckpointScheduler | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
    this.retention.start();
    this.checkpoints?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.relay.stop(), this.retention.stop(), this.checkpoints?.stop()]);
  }
}

/**
 * Gives a service its event store (on the pool of its TypeORM DataSource, whose migrations must
 * include `eventStoreMigrations`) and runs its outbox relay for the app's lifetime.
 */
@Module({})
export class EventStoreModule {
  static forRootAsync(options: {
    imports?: ModuleMetadata['imports'];
    inject?: (string | symbol | (abstract new (...args: never[]) => unknown))[];
    useFactory: (...args: never[]) => EventStoreModuleOptions | Promise<EventStoreModuleOptions>;
  }): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: EVENT_STORE_OPTIONS,
          inject: options.inject ?? [],
          useFactory: options.useFactory,
        },
        {
          provide: PostgresEventStore,
          inject: [EVENT_STORE_OPTIONS, getDataSourceToken()],
          useFactory: (config: EventStoreModuleOptions, dataSource: DataSource) =>
            new PostgresEventStore({
              service: config.service,
              pool: poolOf(dataSource),
              registry: config.registry,
            }),
        },
        {
          provide: OutboxRelay,
          inject: [EVENT_STORE_OPTIONS, PostgresEventStore],
          useFactory: (config: EventStoreModuleOptions, store: PostgresEventStore) =>
            new OutboxRelay({
              store,
              topic: config.topic,
              signingKey: config.signingKey,
              producer: createIdempotentProducer(
                createKafka({
                  clientId: `${config.service}-outbox-relay`,
                  brokers: config.kafkaBrokers,
                }),
              ),
              logger: nestConsumerLogger(new Logger('OutboxRelay')),
            }),
        },
        {
          provide: ProcessedCommandsRetention,
          inject: [EVENT_STORE_OPTIONS, PostgresEventStore],
          useFactory: (config: EventStoreModuleOptions, store: PostgresEventStore) => {
            const logger = new Logger('ProcessedCommandsRetention');

            return new ProcessedCommandsRetention({
              pool: store.pool,
              retentionHours: config.idempotencyKeyRetentionHours,
              onPruned: (pruned) => logger.log({ pruned, msg: 'Expired Idempotency-Keys pruned' }),
              onError: (error) =>
                logger.error({
                  error: error instanceof Error ? error.message : String(error),
                  msg: 'Pruning Idempotency-Keys failed; it tries again at the next interval',
                }),
            });
          },
        },
        {
          provide: CheckpointScheduler,
          inject: [EVENT_STORE_OPTIONS, PostgresEventStore],
          useFactory: (config: EventStoreModuleOptions, store: PostgresEventStore) =>
            config.checkpoints
              ? new CheckpointScheduler({
                  service: config.service,
                  pool: store.pool,
                  signingKey: config.signingKey,
                  file: config.checkpoints.file,
                  intervalMs: config.checkpoints.intervalMs,
                  publish: {
                    topic: config.checkpoints.topic,
                    producer: createIdempotentProducer(
                      createKafka({
                        clientId: `${config.service}-checkpoints`,
                        brokers: config.kafkaBrokers,
                      }),
                    ),
                  },
                  logger: nestConsumerLogger(new Logger('StoreCheckpoints')),
                })
              : null,
        },
        EventStoreLifecycle,
      ],
      exports: [PostgresEventStore, OutboxRelay, CheckpointScheduler],
    };
  }
}
