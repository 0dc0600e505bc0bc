import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { AppliedRuleSetSchema } from '../rules/rule-values';
import { ContractKindSchema } from './contract-requested.v1';

const ids = { contractId: z.string().min(1), unionId: z.string().min(1) };

/** The parties signed the approved draft 签订; it must be filed by `filingDueOn` (§42). */
export const ContractSignedV1 = defineEvent(
  'ContractSigned',
  1,
  z.object({ ...ids, signedOn: z.iso.date(), filingDueOn: z.iso.date(), ruleSet: AppliedRuleSetSchema }),
);

/** Not filed with the labour bureau by `filingDueOn`: recorded once by the clock. */
export const ContractFilingOverdueV1 = defineEvent(
  'ContractFilingOverdue',
  1,
  z.object({ ...ids, filingDueOn: z.iso.date() }),
);

/**
 * Filed with the labour bureau 报送备案; without an objection it is deemed effective on
 * `deemedEffectiveOn` (§47), in force until `expiresOn` (the first day no longer in force).
 */
export const ContractFiledV1 = defineEvent(
  'ContractFiled',
  1,
  z.object({
    ...ids,
    filedOn: z.iso.date(),
    deemedEffectiveOn: z.iso.date(),
    ruleSet: AppliedRuleSetSchema,
  }),
);

/** The labour bureau objected 审查意见: the contract is revised, voted, signed and filed again. */
export const ContractObjectedV1 = defineEvent(
  'ContractObjected',
  1,
  z.object({ ...ids, receivedOn: z.iso.date(), reason: z.string().min(1) }),
);

/**
 * No objection in the days after filing: in force 视为生效 (recorded once by the clock), with
 * what the figures need (kind, workforce covered, wage increase) and the renewal window.
 */
export const ContractDeemedEffectiveV1 = defineEvent(
  'ContractDeemedEffective',
  1,
  z.object({
    ...ids,
    kind: ContractKindSchema,
    effectiveOn: z.iso.date(),
    /** The first day no longer in force: `effectiveOn` + the term in years. */
    expiresOn: z.iso.date(),
    renewalWindowOpensOn: z.iso.date(),
    workforceCovered: z.number().int().positive(),
    wageIncreasePercent: z.number().nullable(),
    ruleSet: AppliedRuleSetSchema,
  }),
);

/** The renewal window opened (the last months of the term): recorded once by the clock. */
export const ContractRenewalDueV1 = defineEvent(
  'ContractRenewalDue',
  1,
  z.object({ ...ids, renewalWindowOpensOn: z.iso.date(), expiresOn: z.iso.date() }),
);

/** The union requested renewal 续订: a new request to negotiate, `renewalContractId`. */
export const ContractRenewalRequestedV1 = defineEvent(
  'ContractRenewalRequested',
  1,
  z.object({ ...ids, renewalContractId: z.string().min(1), requestedOn: z.iso.date() }),
);

/** The yearly fulfilment check 履约检查: rates as shares 0..1 (履约率, 职工满意率). */
export const ContractFulfilmentCheckedV1 = defineEvent(
  'ContractFulfilmentChecked',
  1,
  z.object({
    ...ids,
    checkedOn: z.iso.date(),
    year: z.number().int(),
    fulfilmentRate: z.number().min(0).max(1),
    workerSatisfactionRate: z.number().min(0).max(1),
  }),
);
