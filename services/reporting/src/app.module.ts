import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import { z } from 'zod';

import { baseEnvSchema, PlatformModule } from '@taizhang/bootstrap';
import { messagingMigrations } from '@taizhang/messaging';

import { CreateEmployerFacts1732000004100 } from './employer-facts/migrations/1732000004100-create-employer-facts';
import { CreateOrgUnitFacts1732000001000 } from './org-summary/migrations/1732000001000-create-org-unit-facts';
import { AddMemberFigures1732000003100 } from './org-summary/migrations/1732000003100-add-member-figures';
import { OrgSummaryController } from './org-summary/org-summary.controller';
import { OrgUnitFactsConsumer } from './org-summary/org-unit-facts.consumer';

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
      migrations: [
        ...messagingMigrations,
        CreateOrgUnitFacts1732000001000,
        AddMemberFigures1732000003100,
        CreateEmployerFacts1732000004100,
      ],
      env,
    }),
  ],
  controllers: [OrgSummaryController, OrgUnitFactsConsumer],
});
