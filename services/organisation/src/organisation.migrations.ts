import { deadlinesMigrations } from '@taizhang/deadlines';
import { eventStoreMigrations } from '@taizhang/event-store';

import { CreateEmployerCoverage1732000004100 } from './employer-coverage/create-employer-coverage.migration';
import { CreatePersonKeys1732000002100 } from './members/migrations/1732000002100-create-person-keys';
import { CreateOrgTree1732000005100 } from './org-units/migrations/1732000005100-create-org-tree';
import { CreateMemberUnitsIndex1732000004000 } from './unions/merger/create-member-units-index.migration';
import { RetireUnionTerms1766000001100 } from './unions/term-clock/retire-union-terms.migration';

/** Every migration of organisation's database, in order: the app runs them at start, tests too. */
export const organisationMigrations = [
  ...eventStoreMigrations,
  CreatePersonKeys1732000002100,
  CreateMemberUnitsIndex1732000004000,
  CreateEmployerCoverage1732000004100,
  CreateOrgTree1732000005100,
  ...deadlinesMigrations,
  RetireUnionTerms1766000001100,
];
