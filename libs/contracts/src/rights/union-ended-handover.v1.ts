import { z } from 'zod';

import { defineEvent } from '../event-definition';

// What rights records of a union's open records when organisation ends the union (UnionMerged,
// UnionDissolved): the rule is in services/rights/README.md, "A union dissolved or merged".

/** A merger: an open dispute passes to the union the merged one went into (移交). */
export const DisputeHandedOverV1 = defineEvent(
  'DisputeHandedOver',
  1,
  z.object({
    disputeId: z.string().min(1),
    fromUnionId: z.string().min(1),
    toUnionId: z.string().min(1),
    on: z.iso.date(),
    /** Whether the mediation days had already run out: reporting moves that count along. */
    eligibleForArbitration: z.boolean(),
  }),
);

/**
 * A dissolution: an open dispute stays open, under the union's path, and the federation above
 * keeps it (its mediation committee concludes it); the arbitration clock still runs.
 */
export const DisputeKeptByFederationV1 = defineEvent(
  'DisputeKeptByFederation',
  1,
  z.object({
    disputeId: z.string().min(1),
    unionId: z.string().min(1),
    keeperId: z.string().min(1),
    on: z.iso.date(),
  }),
);

/** A merger: a request to negotiate not yet answered passes to the surviving union. */
export const ContractRequestHandedOverV1 = defineEvent(
  'ContractRequestHandedOver',
  1,
  z.object({
    contractId: z.string().min(1),
    fromUnionId: z.string().min(1),
    toUnionId: z.string().min(1),
    on: z.iso.date(),
  }),
);

/** A dissolution: a request to negotiate not yet answered lapses (no union left to negotiate). */
export const ContractRequestLapsedV1 = defineEvent(
  'ContractRequestLapsed',
  1,
  z.object({
    contractId: z.string().min(1),
    unionId: z.string().min(1),
    lapsedOn: z.iso.date(),
    reason: z.literal('dissolved'),
  }),
);

/** A merger: a proposal not yet implemented passes to the surviving union (its congress). */
export const ProposalHandedOverV1 = defineEvent(
  'ProposalHandedOver',
  1,
  z.object({
    proposalId: z.string().min(1),
    fromUnionId: z.string().min(1),
    toUnionId: z.string().min(1),
    on: z.iso.date(),
    /** Whether it had been answered: reporting moves that count along. */
    answered: z.boolean(),
  }),
);

/** A dissolution: a proposal not yet answered is closed as not answered (未答复即终止). */
export const ProposalClosedUnansweredV1 = defineEvent(
  'ProposalClosedUnanswered',
  1,
  z.object({
    proposalId: z.string().min(1),
    unionId: z.string().min(1),
    closedOn: z.iso.date(),
    reason: z.literal('dissolved'),
  }),
);
