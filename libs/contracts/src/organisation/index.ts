import type { EventOf } from '../event-definition';
import { EventRegistry } from '../event-registry';
import type { RuleSetAmended } from '../rules';
import { RuleSetAmendedV1 } from '../rules/rule-set-amended.v1';
import { ApprovalOverdueV1 } from './approval-overdue.v1';
import { CadreAppointedV1 } from './cadre-appointed.v1';
import { CadreRemovedV1 } from './cadre-removed.v1';
import {
  CommitteeElectedV1,
  CommitteeElectionApprovedV1,
  UnionTermExpiredV1,
} from './committee-elected.v1';
import { CadreDetailsUpdatedV1, CommitteeTookOfficeV1 } from './committee-took-office.v1';
import { ElectionRejectedV1 } from './election-rejected.v1';
import { EmployerClosedV1 } from './employer-closed.v1';
import { EmployerHeadcountsUpdatedV1 } from './employer-headcounts-updated.v1';
import { EmployerRegisteredV1 } from './employer-registered.v1';
import { MemberJoinedV1 } from './member-joined.v1';
import { memberJoinedV1ToV2, MemberJoinedV2 } from './member-joined.v2';
import { MemberLeftV1 } from './member-left.v1';
import {
  MemberPersonalDataErasedV1,
  MemberPersonalDataRevealedV1,
} from './member-personal-data.v1';
import { MemberTransferredV1 } from './member-transferred.v1';
import { MembershipRetainedV1 } from './membership-retained.v1';
import { OrgUnitMovedV1, OrgUnitRenamedV1 } from './org-unit-changed.v1';
import { OrgUnitCreatedV1 } from './org-unit-created.v1';
import {
  UnionApplicationApprovedV1,
  UnionApplicationRejectedV1,
} from './union-application-decided.v1';
import { UnionApplicationSubmittedV1 } from './union-application-submitted.v1';
import { UnionEstablishedV1 } from './union-established.v1';
import { UnionMergedV1 } from './union-merged.v1';
import { UnionRegisteredV1 } from './union-registered.v1';
import { UnionDissolvedV1, UnionRenamedV1 } from './union-renamed.v1';
import { UnionTypeChangedV1 } from './union-type.v1';
import { WorkersHomeRatedV1 } from './workers-home-rated.v1';

export * from './approval-overdue.v1';
export * from './cadre-appointed.v1';
export * from './cadre-removed.v1';
export * from './employer-closed.v1';
export * from './employer-headcounts-updated.v1';
export * from './employer-registered.v1';
export * from './member-joined.v1';
export * from './member-joined.v2';
export * from './member-left.v1';
export * from './member-personal-data.v1';
export * from './member-transferred.v1';
export * from './membership-retained.v1';
export * from './committee-elected.v1';
export * from './committee-took-office.v1';
export * from './election-rejected.v1';
export * from './org-unit-changed.v1';
export * from './org-unit-created.v1';
export * from './union-application-decided.v1';
export * from './union-application-submitted.v1';
export * from './union-established.v1';
export * from './union-merged.v1';
export * from './union-registered.v1';
export * from './union-renamed.v1';
export * from './union-type.v1';
export * from './workers-home-rated.v1';

/** Every event `organisation` publishes on `taizhang.organisation.v1`, at its latest version. */
export const organisationEvents = [
  OrgUnitCreatedV1,
  UnionRegisteredV1,
  MemberJoinedV2,
  UnionApplicationSubmittedV1,
  UnionApplicationApprovedV1,
  UnionApplicationRejectedV1,
  UnionEstablishedV1,
  EmployerRegisteredV1,
  EmployerHeadcountsUpdatedV1,
  EmployerClosedV1,
  MemberTransferredV1,
  MemberLeftV1,
  MembershipRetainedV1,
  MemberPersonalDataErasedV1,
  MemberPersonalDataRevealedV1,
  CommitteeElectedV1,
  CommitteeElectionApprovedV1,
  ElectionRejectedV1,
  UnionTermExpiredV1,
  UnionRenamedV1,
  UnionDissolvedV1,
  WorkersHomeRatedV1,
  OrgUnitRenamedV1,
  OrgUnitMovedV1,
  UnionMergedV1,
  CadreAppointedV1,
  CadreRemovedV1,
  UnionTypeChangedV1,
  CommitteeTookOfficeV1,
  CadreDetailsUpdatedV1,
  ApprovalOverdueV1,
  // The rules module's amendments, recorded in organisation's own store (DESIGN §9).
  RuleSetAmendedV1,
] as const;
/** Older versions still found in stored history, upcast to the latest when read. */
export const supersededOrganisationEvents = [MemberJoinedV1] as const;
export const organisationUpcasters = [memberJoinedV1ToV2] as const;

export type OrgUnitCreated = EventOf<typeof OrgUnitCreatedV1>;
export type UnionRegistered = EventOf<typeof UnionRegisteredV1>;
export type MemberJoined = EventOf<typeof MemberJoinedV2>;
export type MemberTransferred = EventOf<typeof MemberTransferredV1>;
export type MemberLeft = EventOf<typeof MemberLeftV1>;
export type MembershipRetained = EventOf<typeof MembershipRetainedV1>;
export type MemberPersonalDataErased = EventOf<typeof MemberPersonalDataErasedV1>;
export type MemberPersonalDataRevealed = EventOf<typeof MemberPersonalDataRevealedV1>;
export type UnionApplicationSubmitted = EventOf<typeof UnionApplicationSubmittedV1>;
export type UnionApplicationApproved = EventOf<typeof UnionApplicationApprovedV1>;
export type UnionApplicationRejected = EventOf<typeof UnionApplicationRejectedV1>;
export type UnionEstablished = EventOf<typeof UnionEstablishedV1>;
export type EmployerRegistered = EventOf<typeof EmployerRegisteredV1>;
export type EmployerHeadcountsUpdated = EventOf<typeof EmployerHeadcountsUpdatedV1>;
export type EmployerClosed = EventOf<typeof EmployerClosedV1>;
export type CommitteeElected = EventOf<typeof CommitteeElectedV1>;
export type CommitteeElectionApproved = EventOf<typeof CommitteeElectionApprovedV1>;
export type ElectionRejected = EventOf<typeof ElectionRejectedV1>;
export type UnionTermExpired = EventOf<typeof UnionTermExpiredV1>;
export type UnionRenamed = EventOf<typeof UnionRenamedV1>;
export type UnionDissolved = EventOf<typeof UnionDissolvedV1>;
export type WorkersHomeRated = EventOf<typeof WorkersHomeRatedV1>;
export type OrgUnitRenamed = EventOf<typeof OrgUnitRenamedV1>;
export type OrgUnitMoved = EventOf<typeof OrgUnitMovedV1>;
export type UnionMerged = EventOf<typeof UnionMergedV1>;
export type CadreAppointed = EventOf<typeof CadreAppointedV1>;
export type CadreRemoved = EventOf<typeof CadreRemovedV1>;
export type UnionTypeChanged = EventOf<typeof UnionTypeChangedV1>;
export type CommitteeTookOffice = EventOf<typeof CommitteeTookOfficeV1>;
export type CadreDetailsUpdated = EventOf<typeof CadreDetailsUpdatedV1>;
export type ApprovalOverdue = EventOf<typeof ApprovalOverdueV1>;
export type OrganisationEvent =
  | RuleSetAmended
  | OrgUnitCreated
  | UnionRegistered
  | MemberJoined
  | MemberTransferred
  | MemberLeft
  | MembershipRetained
  | MemberPersonalDataErased
  | MemberPersonalDataRevealed
  | UnionApplicationSubmitted
  | UnionApplicationApproved
  | UnionApplicationRejected
  | UnionEstablished
  | EmployerRegistered
  | EmployerHeadcountsUpdated
  | EmployerClosed
  | CommitteeElected
  | CommitteeElectionApproved
  | ElectionRejected
  | UnionTermExpired
  | UnionRenamed
  | UnionDissolved
  | WorkersHomeRated
  | OrgUnitRenamed
  | OrgUnitMoved
  | UnionMerged
  | CadreAppointed
  | CadreRemoved
  | UnionTypeChanged
  | CommitteeTookOffice
  | CadreDetailsUpdated
  | ApprovalOverdue;

/** Validates and upcasts everything on `taizhang.organisation.v1`. */
export const organisationRegistry = new EventRegistry(
  [...organisationEvents, ...supersededOrganisationEvents],
  [...organisationUpcasters],
);
