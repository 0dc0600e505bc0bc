import { Module } from '@nestjs/common';

import { MemberCommandsService } from './member-commands.service';
import { MemberViewQuery } from './member-view.query';
import { MembersController } from './members.controller';
import { PersonalDataVault } from './personal-data/personal-data-vault';

/** 会员: joins, transfers, retained memberships, leaving, and the person's encrypted data. */
@Module({
  controllers: [MembersController],
  providers: [PersonalDataVault, MemberCommandsService, MemberViewQuery],
})
export class MembersModule {}
