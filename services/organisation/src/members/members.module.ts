import { Module } from '@nestjs/common';

import { HeldMembersController } from './held-members.controller';
import { MemberImportController } from './import/member-import.controller';
import { MemberImportService } from './import/member-import.service';
import { MemberCommandsService } from './member-commands.service';
import { MemberJoinsService } from './member-joins.service';
import { MemberViewQuery } from './member-view.query';
import { MembersController } from './members.controller';
import { PersonalDataVault } from './personal-data/personal-data-vault';

/** 会员: joins (one by one or from a sheet), transfers, retained memberships, leaving, and the person's encrypted data. */
@Module({
  controllers: [MemberImportController, MembersController, HeldMembersController],
  providers: [
    PersonalDataVault,
    MemberCommandsService,
    MemberJoinsService,
    MemberImportService,
    MemberViewQuery,
  ],
})
export class MembersModule {}
