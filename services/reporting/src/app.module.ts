import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import { z } from 'zod';

import { AuthModule } from '@taizhang/auth';
import { baseEnvSchema, PlatformConfig, PlatformModule } from '@taizhang/bootstrap';
import { checkpointTopic, reportingRegistry, Topics } from '@taizhang/contracts';
import { checkpointFile, EventStoreModule } from '@taizhang/event-store';
import { loadEventSigningKey } from '@taizhang/messaging';

import { AnswerCache } from './answer-cache';
import { LatenessController } from './lateness';
import { LiveController, LivePublisher, LiveStream } from './live';
import { OrgStructureController } from './org-structure/org-structure.controller';
import { OrgSummaryController } from './org-summary/org-summary.controller';
import { ReportSubmissionsController } from './report-submissions';
import { reportingConsumers } from './reporting.consumers';
import { reportingMigrations } from './reporting.migrations';
import { SeriesController } from './series';
import type { AfterCommitHook } from './topic-consumer';
import { AFTER_COMMIT_HOOKS } from './topic-consumer';
import { UncoveredEmployersController } from './uncovered-employers';
import { UnitListsController } from './unit-lists';
import { WorkersHomesController } from './workers-homes';

export const reportingEnvSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().default(3005),
});

@Module({})
export class AppModule {}

/** 统计与看板: read models only, built from the other services' topics, configured from `env`. */
export const reportingModule = (
  env: Record<string, string | undefined> = process.env,
): DynamicModule => ({
  module: AppModule,
  imports: [
    PlatformModule.forRoot({
      serviceName: 'reporting',
      configSchema: reportingEnvSchema,
      migrations: reportingMigrations,
      env,
    }),
    // Figures only for the caller's subtree: every route needs a token from the gateway.
    AuthModule.forRoot({ env }),
    // Its one command (报表报送, ReportSubmitted): its own store, relayed to its own topic.
    EventStoreModule.forRootAsync({
      inject: [PlatformConfig],
      useFactory: async (config: PlatformConfig) => ({
        service: 'reporting',
        topic: config.kafka.topic(Topics.reporting),
        registry: reportingRegistry,
        kafkaBrokers: [...config.kafka.brokers],
        idempotencyKeyRetentionHours: config.database.idempotencyKeyRetentionHours,
        // An auditor believes only what this key signed (ADR 0007).
        signingKey: (await loadEventSigningKey('reporting', env)).privateKey,
        checkpoints: {
          file: checkpointFile('reporting', env),
          topic: config.kafka.topic(checkpointTopic('reporting')),
          intervalMs: config.checkpoints.intervalMs,
        },
      }),
    }),
  ],
  controllers: [
    OrgSummaryController,
    SeriesController,
    LatenessController,
    UncoveredEmployersController,
    OrgStructureController,
    WorkersHomesController,
    UnitListsController,
    ReportSubmissionsController,
    LiveController,
    ...reportingConsumers,
  ],
  providers: [
    AnswerCache,
    LiveStream,
    LivePublisher,
    // What every topic consumer calls once a run of projections committed: the answer cache's
    // new generation first, then the live notice, so that a dashboard refetching on the notice
    // never reads an answer the run retired.
    {
      provide: AFTER_COMMIT_HOOKS,
      inject: [AnswerCache, LivePublisher],
      useFactory: (cache: AnswerCache, live: LivePublisher): AfterCommitHook[] => [
        (events) => void cache.invalidate().then(() => live.hook(events)),
      ],
    },
  ],
});
