import { Module } from '@nestjs/common';

import { PersonalDataVault } from '../members';
import { ListsReadModels } from './lists-read-models';
import { MemberRosterController } from './member-roster/member-roster.controller';
import { MemberRosterQuery } from './member-roster/member-roster.query';

/** Finding records again (issue 11, item 10): the lists kept from organisation's own events. */
@Module({
  controllers: [MemberRosterController],
  providers: [ListsReadModels, PersonalDataVault, MemberRosterQuery],
})
export class ListsModule {}
