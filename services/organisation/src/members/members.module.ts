import type { MiddlewareConsumer, NestModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import { XlsxBodyMiddleware } from '@taizhang/bootstrap';

import { MemberImportController } from './import/member-import.controller';
import { MemberImportService } from './import/member-import.service';
import { MemberCommandsService } from './member-commands.service';
import { MemberJoinsService } from './member-joins.service';
import { MemberViewQuery } from './member-view.query';
import { MembersController } from './members.controller';
import { PersonalDataVault } from './personal-data/personal-data-vault';

/** 会员: joins (one by one or from a sheet), transfers, retained memberships, leaving, and the person's encrypted data. */
@Module({
  controllers: [MemberImportController, MembersController],
  providers: [
    PersonalDataVault,
    MemberCommandsService,
    MemberJoinsService,
    MemberImportService,
    MemberViewQuery,
  ],
})
export class MembersModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only the import route reads a workbook body; everywhere else bodies are JSON.
    consumer.apply(XlsxBodyMiddleware).forRoutes(MemberImportController);
  }
}
