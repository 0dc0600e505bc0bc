import { Module } from '@nestjs/common';
import { z } from 'zod';

import { baseEnvSchema, PlatformModule } from '@taizhang/bootstrap';
import { messagingMigrations } from '@taizhang/messaging';

import { CreateOrgUnitFacts1732000001000 } from './org-summary/migrations/1732000001000-create-org-unit-facts';
import { OrgSummaryController } from './org-summary/org-summary.controller';
import { OrganisationEventsConsumer } from './org-summary/organisation-events.consumer';

export const reportingEnvSchema = baseEnvSchema.extend({ PORT: z.coerce.number().int().default(3005) });

/** 统计与看板: read models only, built from the other services' topics. */
@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'reporting',
      configSchema: reportingEnvSchema,
      migrations: [...messagingMigrations, CreateOrgUnitFacts1732000001000],
    }),
  ],
  controllers: [OrgSummaryController],
  providers: [OrganisationEventsConsumer],
})
export class AppModule {}
