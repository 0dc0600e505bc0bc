import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import { z } from 'zod';

import { baseEnvSchema, PlatformConfig, PlatformModule } from '@taizhang/bootstrap';
import { organisationRegistry, Topics } from '@taizhang/contracts';
import { eventStoreMigrations, EventStoreModule } from '@taizhang/event-store';

import { EmployersModule } from './employers/employers.module';
import { MembersController } from './members/members.controller';
import { OrgUnitsController } from './org-units/org-units.controller';
import { UnionApplicationsController } from './union-applications/union-applications.controller';
import { UnionsController } from './unions/unions.controller';

export const organisationEnvSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().default(3001),
});

@Module({})
export class AppModule {}

/** 组织建设: the org tree, grassroots unions and their members, configured from `env`. */
export const organisationModule = (
  env: Record<string, string | undefined> = process.env,
): DynamicModule => ({
  module: AppModule,
  imports: [
    PlatformModule.forRoot({
      serviceName: 'organisation',
      configSchema: organisationEnvSchema,
      migrations: eventStoreMigrations,
      env,
    }),
    EventStoreModule.forRootAsync({
      inject: [PlatformConfig],
      useFactory: (config: PlatformConfig) => ({
        service: 'organisation',
        topic: config.kafka.topic(Topics.organisation),
        registry: organisationRegistry,
        kafkaBrokers: [...config.kafka.brokers],
      }),
    }),
    EmployersModule,
  ],
  controllers: [
    OrgUnitsController,
    UnionsController,
    MembersController,
    UnionApplicationsController,
  ],
});
