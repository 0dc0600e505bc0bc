import { CreateOrgTreeInTime1765000000000 } from '@taizhang/directory';
import { eventStoreMigrations } from '@taizhang/event-store';
import { messagingMigrations } from '@taizhang/messaging';

import { CreateAsOfFigures1732000006100 } from './as-of/migrations/1732000006100-create-as-of-figures';
import { AddEmployerFigures1732000006200 } from './as-of/migrations/1732000006200-add-employer-figures';
import { CreateAnswersOverdue1767100000000 } from './as-of/migrations/1767100000000-create-answers-overdue';
import { CreateUnionTypeFigures1767200000100 } from './as-of/migrations/1767200000100-create-union-type-figures';
import { CreateBranchFigures1767200000200 } from './as-of/migrations/1767200000200-create-branch-figures';
import { AddKnownAt1767600000001 } from './as-of/migrations/1767600000001-add-known-at';
import { AddAnswersKnown1767800000002 } from './as-of/migrations/1767800000002-add-answers-known';
import { AddUnionTypesKnown1767800000003 } from './as-of/migrations/1767800000003-add-union-types-known';
import { AddBranchesKnown1767800000004 } from './as-of/migrations/1767800000004-add-branches-known';
import { AddListsKnown1768800000001 } from './as-of/migrations/1768800000001-add-lists-known';
import { contractFiguresMigrations } from './contract-figures';
import { disclosureFiguresMigrations } from './disclosure-figures';
import { CreateEmployerFacts1732000004100 } from './employer-facts/migrations/1732000004100-create-employer-facts';
import { AddEmployerNames1732000006300 } from './employer-facts/migrations/1732000006300-add-employer-names';
import { hotlineFiguresMigrations } from './hotline-figures';
import { CreateLateness1767600000002 } from './lateness/migrations/1767600000002-create-lateness';
import { CreateOrgUnitFacts1732000001000 } from './org-summary/migrations/1732000001000-create-org-unit-facts';
import { AddMemberFigures1732000003100 } from './org-summary/migrations/1732000003100-add-member-figures';
import { AddUnionStatusFigures1732000003300 } from './org-summary/migrations/1732000003300-add-union-status-figures';
import { protectionFiguresMigrations } from './protection-figures';
import { CreateReportSubmissions1768700000000 } from './report-submissions';
import { rightsFiguresMigrations } from './rights-figures';
import { CreateUnionCoverage1732000004200 } from './union-coverage/migrations/1732000004200-create-union-coverage';
import { CreateWorkersHomeRatings1767300000001 } from './workers-homes';

/** Every migration of reporting's database, in order: the app runs them at start, tests too. */
export const reportingMigrations = [
  ...messagingMigrations,
  CreateOrgUnitFacts1732000001000,
  AddMemberFigures1732000003100,
  AddUnionStatusFigures1732000003300,
  CreateEmployerFacts1732000004100,
  CreateUnionCoverage1732000004200,
  CreateAsOfFigures1732000006100,
  AddEmployerFigures1732000006200,
  AddEmployerNames1732000006300,
  // org_placements and org_paths are 1732000006100's (kept in place); adds org_units.
  CreateOrgTreeInTime1765000000000,
  CreateAnswersOverdue1767100000000,
  CreateUnionTypeFigures1767200000100,
  CreateBranchFigures1767200000200,
  CreateWorkersHomeRatings1767300000001,
  AddKnownAt1767600000001,
  CreateLateness1767600000002,
  // Rights' set, and its log by recording time (AddRightsKnown1767800000001).
  ...rightsFiguresMigrations,
  // The sets created before their logs existed get them (as AddKnownAt1767600000001 did).
  AddAnswersKnown1767800000002,
  AddUnionTypesKnown1767800000003,
  AddBranchesKnown1767800000004,
  // 集体合同 in force (contract-figures/), with its log by recording time.
  ...contractFiguresMigrations,
  // Labour protection's set (劳动保护), with its logs by recording time.
  ...protectionFiguresMigrations,
  // 12351 热线 (rights' topic): a set of its own, logged from the start.
  ...hotlineFiguresMigrations,
  // 报表报送: reporting's own store (its one command, ReportSubmitted) and the reports' rows.
  ...eventStoreMigrations,
  CreateReportSubmissions1768700000000,
  // 厂务公开 and 劳动关系预警: rights' second set, logged from the start.
  ...disclosureFiguresMigrations,
  // The lists as known at an instant: versions of unions' lives and employers' steps.
  AddListsKnown1768800000001,
];
