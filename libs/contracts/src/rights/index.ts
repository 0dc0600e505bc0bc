import type { EventOf } from '../event-definition';
import { EventRegistry } from '../event-registry';
import type { RuleSetAmended } from '../rules';
import { RuleSetAmendedV1 } from '../rules/rule-set-amended.v1';
import { BargainingSeasonLaunchedV1 } from './bargaining-season-launched.v1';
import { CongressHeldV1, CongressResolutionVotedV1 } from './congress-held.v1';
import { ContractDraftVotedV1, ContractNegotiationRoundHeldV1 } from './contract-negotiated.v1';
import {
  ContractNegotiationRequestedV1,
  ContractRequestAnsweredV1,
  ContractRequestOverdueV1,
} from './contract-requested.v1';
import {
  ContractDeemedEffectiveV1,
  ContractFiledV1,
  ContractFilingOverdueV1,
  ContractFulfilmentCheckedV1,
  ContractObjectedV1,
  ContractRenewalDueV1,
  ContractRenewalRequestedV1,
  ContractSignedV1,
} from './contract-signed.v1';
import { DisclosureRecordedV1, DisclosureWithdrawnV1 } from './disclosure-recorded.v1';
import {
  DisputeAgreedV1,
  DisputeArbitrationEligibleV1,
  DisputeFailedV1,
  DisputeRegisteredV1,
  DisputeWithdrawnV1,
  HardshipScreeningRequestedV1,
} from './dispute-registered.v1';
import {
  EarlyWarningFollowedUpV1,
  EarlyWarningHandedOverV1,
  EarlyWarningKeptByFederationV1,
  EarlyWarningLevelChangedV1,
  EarlyWarningRaisedV1,
  EarlyWarningResolvedV1,
} from './early-warning-raised.v1';
import type { HotlineEvent } from './hotline-ticket.v1';
import { hotlineEvents } from './hotline-ticket.v1';
import {
  HazardFoundV1,
  HazardRectificationOverdueV1,
  HazardRectificationRequestedV1,
  HazardRectificationVerifiedV1,
  HazardRectifiedV1,
  InspectionHandedOverV1,
  InspectionKeptByFederationV1,
  LabourInspectionRecordedV1,
} from './labour-inspection.v1';
import {
  ProposalAnsweredV1,
  ProposalDecidedV1,
  ProposalImplementedV1,
  ProposalSubmittedV1,
} from './proposal-submitted.v1';
import {
  ContractRequestHandedOverV1,
  ContractRequestLapsedV1,
  DisputeHandedOverV1,
  DisputeKeptByFederationV1,
  ProposalClosedUnansweredV1,
  ProposalHandedOverV1,
} from './union-ended-handover.v1';

export * from './bargaining-season-launched.v1';
export * from './congress-held.v1';
export * from './contract-negotiated.v1';
export * from './contract-requested.v1';
export * from './contract-signed.v1';
export * from './dispute-registered.v1';
export * from './labour-inspection.v1';
export * from './hotline-ticket.v1';
export * from './disclosure-recorded.v1';
export * from './early-warning-raised.v1';
export * from './proposal-submitted.v1';
export * from './union-ended-handover.v1';

/** Every event `rights` publishes on `taizhang.rights.v1`, at its latest version. */
export const rightsEvents = [
  DisputeRegisteredV1,
  DisputeAgreedV1,
  DisputeFailedV1,
  DisputeWithdrawnV1,
  DisputeArbitrationEligibleV1,
  HardshipScreeningRequestedV1,
  CongressHeldV1,
  CongressResolutionVotedV1,
  ProposalSubmittedV1,
  ProposalDecidedV1,
  ProposalAnsweredV1,
  ProposalImplementedV1,
  ContractNegotiationRequestedV1,
  ContractRequestAnsweredV1,
  ContractRequestOverdueV1,
  ContractNegotiationRoundHeldV1,
  ContractDraftVotedV1,
  ContractSignedV1,
  ContractFilingOverdueV1,
  ContractFiledV1,
  ContractObjectedV1,
  ContractDeemedEffectiveV1,
  ContractRenewalDueV1,
  ContractRenewalRequestedV1,
  ContractFulfilmentCheckedV1,
  BargainingSeasonLaunchedV1,
  LabourInspectionRecordedV1,
  HazardFoundV1,
  HazardRectificationRequestedV1,
  HazardRectificationOverdueV1,
  HazardRectifiedV1,
  HazardRectificationVerifiedV1,
  // What a union's end (merged, dissolved) does to its open records.
  DisputeHandedOverV1,
  DisputeKeptByFederationV1,
  ContractRequestHandedOverV1,
  ContractRequestLapsedV1,
  ProposalHandedOverV1,
  ProposalClosedUnansweredV1,
  InspectionHandedOverV1,
  InspectionKeptByFederationV1,
  ...hotlineEvents,
  DisclosureRecordedV1,
  DisclosureWithdrawnV1,
  EarlyWarningRaisedV1,
  EarlyWarningFollowedUpV1,
  EarlyWarningLevelChangedV1,
  EarlyWarningResolvedV1,
  EarlyWarningHandedOverV1,
  EarlyWarningKeptByFederationV1,
  // The rules module's amendments, recorded in rights' own store (DESIGN §9).
  RuleSetAmendedV1,
] as const;

export type DisputeRegistered = EventOf<typeof DisputeRegisteredV1>;
export type DisputeAgreed = EventOf<typeof DisputeAgreedV1>;
export type DisputeFailed = EventOf<typeof DisputeFailedV1>;
export type DisputeWithdrawn = EventOf<typeof DisputeWithdrawnV1>;
export type DisputeArbitrationEligible = EventOf<typeof DisputeArbitrationEligibleV1>;
export type HardshipScreeningRequested = EventOf<typeof HardshipScreeningRequestedV1>;
export type CongressHeld = EventOf<typeof CongressHeldV1>;
export type CongressResolutionVoted = EventOf<typeof CongressResolutionVotedV1>;
export type ProposalSubmitted = EventOf<typeof ProposalSubmittedV1>;
export type ProposalDecided = EventOf<typeof ProposalDecidedV1>;
export type ProposalAnswered = EventOf<typeof ProposalAnsweredV1>;
export type ProposalImplemented = EventOf<typeof ProposalImplementedV1>;
export type ProposalHandedOver = EventOf<typeof ProposalHandedOverV1>;
export type ProposalClosedUnanswered = EventOf<typeof ProposalClosedUnansweredV1>;
export type ProposalEvent =
  | ProposalSubmitted
  | ProposalDecided
  | ProposalAnswered
  | ProposalImplemented
  | ProposalHandedOver
  | ProposalClosedUnanswered;
export type ContractNegotiationRequested = EventOf<typeof ContractNegotiationRequestedV1>;
export type ContractRequestAnswered = EventOf<typeof ContractRequestAnsweredV1>;
export type ContractRequestOverdue = EventOf<typeof ContractRequestOverdueV1>;
export type DisputeHandedOver = EventOf<typeof DisputeHandedOverV1>;
export type DisputeKeptByFederation = EventOf<typeof DisputeKeptByFederationV1>;
export type DisputeEvent =
  | DisputeRegistered
  | DisputeAgreed
  | DisputeFailed
  | DisputeWithdrawn
  | DisputeArbitrationEligible
  | HardshipScreeningRequested
  | DisputeHandedOver
  | DisputeKeptByFederation;
export type CongressEvent = CongressHeld | CongressResolutionVoted;
export type ContractNegotiationRoundHeld = EventOf<typeof ContractNegotiationRoundHeldV1>;
export type ContractDraftVoted = EventOf<typeof ContractDraftVotedV1>;
export type ContractSigned = EventOf<typeof ContractSignedV1>;
export type ContractFilingOverdue = EventOf<typeof ContractFilingOverdueV1>;
export type ContractFiled = EventOf<typeof ContractFiledV1>;
export type ContractObjected = EventOf<typeof ContractObjectedV1>;
export type ContractDeemedEffective = EventOf<typeof ContractDeemedEffectiveV1>;
export type ContractRenewalDue = EventOf<typeof ContractRenewalDueV1>;
export type ContractRenewalRequested = EventOf<typeof ContractRenewalRequestedV1>;
export type ContractFulfilmentChecked = EventOf<typeof ContractFulfilmentCheckedV1>;
export type BargainingSeasonLaunched = EventOf<typeof BargainingSeasonLaunchedV1>;
export type ContractRequestHandedOver = EventOf<typeof ContractRequestHandedOverV1>;
export type ContractRequestLapsed = EventOf<typeof ContractRequestLapsedV1>;
export type ContractEvent =
  | ContractNegotiationRequested
  | ContractRequestAnswered
  | ContractRequestOverdue
  | ContractNegotiationRoundHeld
  | ContractDraftVoted
  | ContractSigned
  | ContractFilingOverdue
  | ContractFiled
  | ContractObjected
  | ContractDeemedEffective
  | ContractRenewalDue
  | ContractRenewalRequested
  | ContractFulfilmentChecked
  | ContractRequestHandedOver
  | ContractRequestLapsed;
export type BargainingSeasonEvent = BargainingSeasonLaunched;
export type LabourInspectionRecorded = EventOf<typeof LabourInspectionRecordedV1>;
export type HazardFound = EventOf<typeof HazardFoundV1>;
export type HazardRectificationRequested = EventOf<typeof HazardRectificationRequestedV1>;
export type HazardRectificationOverdue = EventOf<typeof HazardRectificationOverdueV1>;
export type HazardRectified = EventOf<typeof HazardRectifiedV1>;
export type HazardRectificationVerified = EventOf<typeof HazardRectificationVerifiedV1>;
export type InspectionHandedOver = EventOf<typeof InspectionHandedOverV1>;
export type InspectionKeptByFederation = EventOf<typeof InspectionKeptByFederationV1>;
export type InspectionEvent =
  | InspectionHandedOver
  | InspectionKeptByFederation
  | LabourInspectionRecorded
  | HazardFound
  | HazardRectificationRequested
  | HazardRectificationOverdue
  | HazardRectified
  | HazardRectificationVerified;
export type DisclosureRecorded = EventOf<typeof DisclosureRecordedV1>;
export type DisclosureWithdrawn = EventOf<typeof DisclosureWithdrawnV1>;
export type DisclosureEvent = DisclosureRecorded | DisclosureWithdrawn;
export type EarlyWarningRaised = EventOf<typeof EarlyWarningRaisedV1>;
export type EarlyWarningFollowedUp = EventOf<typeof EarlyWarningFollowedUpV1>;
export type EarlyWarningLevelChanged = EventOf<typeof EarlyWarningLevelChangedV1>;
export type EarlyWarningResolved = EventOf<typeof EarlyWarningResolvedV1>;
export type EarlyWarningHandedOver = EventOf<typeof EarlyWarningHandedOverV1>;
export type EarlyWarningKeptByFederation = EventOf<typeof EarlyWarningKeptByFederationV1>;
export type EarlyWarningEvent =
  | EarlyWarningRaised
  | EarlyWarningFollowedUp
  | EarlyWarningLevelChanged
  | EarlyWarningResolved
  | EarlyWarningHandedOver
  | EarlyWarningKeptByFederation;
export type RightsEvent =
  | DisputeEvent
  | CongressEvent
  | ProposalEvent
  | ContractEvent
  | BargainingSeasonEvent
  | InspectionEvent
  | HotlineEvent
  | DisclosureEvent
  | EarlyWarningEvent
  | RuleSetAmended;

/** Validates everything on `taizhang.rights.v1`. */
export const rightsRegistry = new EventRegistry([...rightsEvents], []);
