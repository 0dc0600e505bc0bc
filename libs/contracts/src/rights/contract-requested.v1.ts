import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { AppliedRuleSetSchema } from '../rules/rule-values';

/**
 * 集体合同的种类: comprehensive 综合, wage 工资专项, women 女职工权益保护专项, safety 劳动安全卫生专项.
 */
export const ContractKindSchema = z.enum(['comprehensive', 'wage', 'women', 'safety']);
export type ContractKind = z.infer<typeof ContractKindSchema>;

/**
 * A union requested collective negotiation (要约) with one employer, or with several for a
 * regional or industry contract; the employers must answer in writing by `answerDueOn`.
 */
export const ContractNegotiationRequestedV1 = defineEvent(
  'ContractNegotiationRequested',
  1,
  z.object({
    contractId: z.string().min(1),
    unionId: z.string().min(1),
    kind: ContractKindSchema,
    employerIds: z.array(z.string().min(1)).min(1),
    requestedOn: z.iso.date(),
    answerDueOn: z.iso.date(),
    /** A renewal 续订: the contract in force this request renews (absent for a first request). */
    renewsContractId: z.string().min(1).optional(),
    ruleSet: AppliedRuleSetSchema,
  }),
);

/** The employers answered the request in writing (书面回应). */
export const ContractRequestAnsweredV1 = defineEvent(
  'ContractRequestAnswered',
  1,
  z.object({
    contractId: z.string().min(1),
    unionId: z.string().min(1),
    answeredOn: z.iso.date(),
  }),
);

/** No written answer by the due date (集体合同规定 §32): recorded once by the clock. */
export const ContractRequestOverdueV1 = defineEvent(
  'ContractRequestOverdue',
  1,
  z.object({
    contractId: z.string().min(1),
    unionId: z.string().min(1),
    answerDueOn: z.iso.date(),
  }),
);
