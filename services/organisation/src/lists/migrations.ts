import { CreateMemberRoster1767400000001 } from './member-roster/member-roster.migration';
import { AddMemberRosterBranch1767900000001 } from './member-roster/member-roster-branch.migration';
import { CreateUnionRegister1767400000002 } from './union-register/union-register.migration';

/** The lists' read models; each fills itself from the store's first event when first read. */
export const listsMigrations = [
  CreateMemberRoster1767400000001,
  CreateUnionRegister1767400000002,
  AddMemberRosterBranch1767900000001,
];
