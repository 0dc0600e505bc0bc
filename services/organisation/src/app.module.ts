import { Module } from '@nestjs/common';
import { z } from 'zod';

import { baseEnvSchema, PlatformConfig, PlatformModule } from '@taizhang/bootstrap';
import { organisationRegistry, Topics } from '@taizhang/contracts';
import { EventStoreModule, eventStoreMigrations } from '@taizhang/event-store';

import { MembersController } from './members/members.controller';
import { OrgUnitsController } from './org-units/org-units.controller';
import { UnionsController } from './unions/unions.controller';

export const organisationEnvSchema = baseEnvSchema.extend({ PORT: z.coerce.number().int().default(3001) });

/** 组织建设: the org tree, grassroots unions and their members. */
@Module({
  imports: [
    PlatformModule.forRoot({
      serviceName: 'organisation',
      configSchema: organisationEnvSchema,
      migrations: eventStoreMigrations,
    }),
    EventStoreModule.forRootAsync({
      inject: [PlatformConfig],
      useFactory: (config: PlatformConfig) => ({
        service: 'organisation',
        topic: Topics.organisation,
        registry: organisationRegistry,
        kafkaBrokers: [...config.kafka.brokers],
      }),
    }),
  ],
  controllers: [OrgUnitsController, UnionsController, MembersController],
})
export class AppModule {}
