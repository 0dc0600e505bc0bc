import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import { AuthModule } from '@taizhang/auth';
import { OrgUnitPaths, PlatformConfig, PlatformModule } from '@taizhang/bootstrap';
import { checkpointTopic, organisationRegistry, Topics } from '@taizhang/contracts';
import { DeadlineClocksModule } from '@taizhang/deadlines';
import { businessDate } from '@taizhang/domain';
import { checkpointFile, EventStoreModule } from '@taizhang/event-store';
import { ImportJobsModule } from '@taizhang/import-jobs';
import { loadEventSigningKey } from '@taizhang/messaging';
import { RulesModule } from '@taizhang/rules';

import { OrganisationConfig, organisationEnvSchema } from './config/organisation.config';
import { EmployersModule } from './employers/employers.module';
import { ListsModule } from './lists/lists.module';
import { MembersModule } from './members/members.module';
import { OrgUnitsController } from './org-units/org-units.controller';
import { organisationMigrations } from './organisation.migrations';
import { UnionApplicationsController } from './union-applications/union-applications.controller';
import { UnionDissolutionsController } from './union-dissolutions/union-dissolutions.controller';
import { UnionMergersController } from './union-mergers/union-mergers.controller';
import { approvalAnswerClock } from './unions/answer-clock/approval-answer.clock';
import { CadresController } from './unions/cadres/cadres.controller';
import { OrganisationUnitPaths } from './unions/org-unit-paths';
import { unionTermClock } from './unions/term-clock/union-term.clock';
import { UnionMoveController } from './unions/union-move.controller';
import { UnionsController } from './unions/unions.controller';
import { WorkersHomesController } from './workers-homes/workers-homes.controller';

export { organisationEnvSchema };

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
      configClass: OrganisationConfig,
      migrations: organisationMigrations,
      env,
    }),
    // Every route needs a token from the gateway, a role listed in @Roles and a target in scope.
    AuthModule.forRoot({ env }),
    EventStoreModule.forRootAsync({
      inject: [PlatformConfig],
      useFactory: async (config: PlatformConfig) => ({
        service: 'organisation',
        topic: config.kafka.topic(Topics.organisation),
        registry: organisationRegistry,
        kafkaBrokers: [...config.kafka.brokers],
        idempotencyKeyRetentionHours: config.database.idempotencyKeyRetentionHours,
        // Consumers of the topic believe only what this key signed (ADR 0007).
        signingKey: (await loadEventSigningKey('organisation', env)).privateKey,
        checkpoints: {
          file: checkpointFile('organisation', env),
          topic: config.kafka.topic(checkpointTopic('organisation')),
          intervalMs: config.checkpoints.intervalMs,
        },
      }),
    }),
    // The term clock (换届预警) and the answer clock (批复时限) at start and every TERM_CLOCK_INTERVAL_MS.
    DeadlineClocksModule.forRootAsync({
      inject: [OrganisationConfig],
      useFactory: (config: OrganisationConfig) => ({
        clocks: [unionTermClock, approvalAnswerClock],
        intervalMs: config.termClock.intervalMs,
        businessDate,
      }),
    }),
    // Sheet uploads run as jobs: GET /imports/:id, its events and refused rows, and the worker.
    ImportJobsModule.forRoot(),
    MembersModule,
    EmployersModule,
    // Lists and search (会员花名册, pending approvals, 换届预警, 保留会籍) with their sheets.
    ListsModule,
    // GET /rules, POST /rules/amendments: the rule sets the union deciders are judged by.
    RulesModule,
  ],
  controllers: [
    OrgUnitsController,
    UnionsController,
    CadresController,
    UnionMoveController,
    UnionApplicationsController,
    UnionMergersController,
    UnionDissolutionsController,
    WorkersHomesController,
  ],
  // Refusals name records outside the caller's scope only to callers who may see them.
  providers: [{ provide: OrgUnitPaths, useClass: OrganisationUnitPaths }],
});
