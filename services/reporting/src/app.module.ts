import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import { z } from 'zod';

import { AuthModule } from '@taizhang/auth';
import { baseEnvSchema, PlatformModule } from '@taizhang/bootstrap';

import { LatenessController } from './lateness';
import { LiveController, LivePublisher, LiveStream } from './live';
import { OrgStructureController } from './org-structure/org-structure.controller';
import { OrgSummaryController } from './org-summary/org-summary.controller';
import { reportingConsumers } from './reporting.consumers';
import { reportingMigrations } from './reporting.migrations';
import { SeriesController } from './series';
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
  ],
  controllers: [
    OrgSummaryController,
    SeriesController,
    LatenessController,
    UncoveredEmployersController,
    OrgStructureController,
    WorkersHomesController,
    UnitListsController,
    LiveController,
    ...reportingConsumers,
  ],
  providers: [
    LiveStream,
    LivePublisher,
    // What every topic consumer calls once a run of projections committed (live updates).
    {
      provide: AFTER_COMMIT_HOOKS,
      inject: [LivePublisher],
      useFactory: (live: LivePublisher) => [live.hook],
    },
  ],
});
