import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import { AuthModule } from '@taizhang/auth';
import { OrgUnitPaths, PlatformConfig, PlatformModule } from '@taizhang/bootstrap';
import { checkpointTopic, rightsRegistry, Topics } from '@taizhang/contracts';
import { DeadlineClocksModule } from '@taizhang/deadlines';
import { businessDate } from '@taizhang/domain';
import { checkpointFile, EventStoreModule } from '@taizhang/event-store';
import { loadEventSigningKey } from '@taizhang/messaging';
import { RulesModule } from '@taizhang/rules';

import { SeasonsController } from './bargaining-seasons';
import {
  answerClock,
  ContractsController,
  deemedEffectiveClock,
  filingClock,
  renewalClock,
} from './collective-contracts';
import { RightsConfig, rightsEnvSchema } from './config/rights.config';
import { CongressesController } from './congresses';
import { OrganisationConsumer, RightsUnitPaths } from './directory';
import { DisclosuresController } from './disclosures';
import { arbitrationClock, DisputesController } from './disputes';
import { EarlyWarningsController } from './early-warnings';
import { hotlineAnswerClock, HotlineTicketsController } from './hotline';
import { InspectionsController, rectificationClock } from './labour-protection';
import { CongressProposalsController, ProposalsController } from './proposals';
import { rightsMigrations } from './rights.migrations';

export { rightsEnvSchema };

@Module({})
export class AppModule {}

/** 维权: disputes, congresses and collective contracts of the unions, configured from `env`. */
export const rightsModule = (
  env: Record<string, string | undefined> = process.env,
): DynamicModule => ({
  module: AppModule,
  imports: [
    PlatformModule.forRoot({
      serviceName: 'rights',
      configSchema: rightsEnvSchema,
      configClass: RightsConfig,
      migrations: rightsMigrations,
      env,
    }),
    // Every route needs a token from the gateway, a role listed in @Roles and a target in scope.
    AuthModule.forRoot({ env }),
    EventStoreModule.forRootAsync({
      inject: [PlatformConfig],
      useFactory: async (config: PlatformConfig) => ({
        service: 'rights',
        topic: config.kafka.topic(Topics.rights),
        registry: rightsRegistry,
        kafkaBrokers: [...config.kafka.brokers],
        idempotencyKeyRetentionHours: config.database.idempotencyKeyRetentionHours,
        // Consumers of the topic believe only what this key signed (ADR 0007).
        signingKey: (await loadEventSigningKey('rights', env)).privateKey,
        checkpoints: {
          file: checkpointFile('rights', env),
          topic: config.kafka.topic(checkpointTopic('rights')),
          intervalMs: config.checkpoints.intervalMs,
        },
      }),
    }),
    // The legal clocks (法定时限) at start and every CLOCK_INTERVAL_MS.
    DeadlineClocksModule.forRootAsync({
      inject: [RightsConfig],
      useFactory: (config: RightsConfig) => ({
        clocks: [
          arbitrationClock,
          answerClock,
          filingClock,
          deemedEffectiveClock,
          renewalClock,
          rectificationClock,
          hotlineAnswerClock,
        ],
        intervalMs: config.clocks.intervalMs,
        businessDate,
      }),
    }),
    // GET /rules, POST /rules/amendments: the rule sets the rights deciders are judged by.
    RulesModule,
  ],
  controllers: [
    DisputesController,
    CongressesController,
    ProposalsController,
    CongressProposalsController,
    ContractsController,
    SeasonsController,
    InspectionsController,
    HotlineTicketsController,
    DisclosuresController,
    EarlyWarningsController,
    OrganisationConsumer,
  ],
  // Refusals name records outside the caller's scope only to callers who may see them.
  providers: [{ provide: OrgUnitPaths, useClass: RightsUnitPaths }],
});
