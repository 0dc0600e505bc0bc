import { deadlinesMigrations } from '@taizhang/deadlines';
import { CreateOrgTreeInTime1765000000000 } from '@taizhang/directory';
import { eventStoreMigrations } from '@taizhang/event-store';
import { importJobsMigrations } from '@taizhang/import-jobs';

import { CreateEmployerCoverage1732000004100 } from './employer-coverage/create-employer-coverage.migration';
import { listsMigrations } from './lists/migrations';
import { CreatePersonKeys1732000002100 } from './members/migrations/1732000002100-create-person-keys';
import { CreateOrgTree1732000005100 } from './org-units/migrations/1732000005100-create-org-tree';
import { MoveOrgTreeToDirectory1765000000300 } from './org-units/migrations/1765000000300-move-org-tree-to-directory';
import { CreateMemberUnitsIndex1732000004000 } from './union-mergers/create-member-units-index.migration';
import { RetireUnionTerms1766000001100 } from './unions/term-clock/retire-union-terms.migration';

/** Every migration of organisation's database, in order: the app runs them at start, tests too. */
export const organisationMigrations = [
  ...eventStoreMigrations,
  CreatePersonKeys1732000002100,
  CreateMemberUnitsIndex1732000004000,
  CreateEmployerCoverage1732000004100,
  CreateOrgTree1732000005100,
  CreateOrgTreeInTime1765000000000,
  MoveOrgTreeToDirectory1765000000300,
  ...deadlinesMigrations,
  RetireUnionTerms1766000001100,
  ...listsMigrations,
  ...importJobsMigrations,
];
