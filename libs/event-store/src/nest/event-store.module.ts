import type { KeyObject } from 'node:crypto';

import type {
  BeforeApplicationShutdown,
  DynamicModule,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { ModuleMetadata } from '@nestjs/common';
import { Inject, Injectable, Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';

import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

import type { EventRegistry } from '@taizhang/contracts';
import { createIdempotentProducer, createKafka, nestConsumerLogger } from '@taizhang/messaging';

import { CheckpointScheduler } from '../checkpoints/checkpoint-scheduler';
import { OutboxRelay } from '../outbox/outbox-relay';
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

/** Starts the relay once the app is up and stops it, flushing its batch, before shutdown. */
@Injectable()
class OutboxRelayLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(OutboxRelay) private readonly relay: OutboxRelay) {}

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }
}

/** Prunes Idempotency-Keys older than their retention while the app runs. */
@Injectable()
class ProcessedCommandsRetentionLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  constructor(
    @Inject(ProcessedCommandsRetention) private readonly retention: ProcessedCommandsRetention,
  ) {}

  onApplicationBootstrap(): void {
    this.retention.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.retention.stop();
  }
}

/** Takes the store's checkpoints while the app runs. */
@Injectable()
class CheckpointLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(CheckpointScheduler) private readonly scheduler: CheckpointScheduler | null,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.scheduler?.stop();
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
              pool: (dataSource.driver as unknown as { master: Pool }).master,
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
        OutboxRelayLifecycle,
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
        ProcessedCommandsRetentionLifecycle,
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
        CheckpointLifecycle,
      ],
      exports: [PostgresEventStore, OutboxRelay, CheckpointScheduler],
    };
  }
}
