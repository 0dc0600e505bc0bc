import { z } from 'zod';

// Every number of DESIGN §9 (法定时限 and regional practice) as one rule set of a region. The
// groups are replaced key by key by an amendment; a key's value (a table, a share) whole.

/** A share such as two thirds (2/3): `present * denominator >= entitled * numerator`. */
export const ShareSchema = z
  .object({ numerator: z.number().int().positive(), denominator: z.number().int().positive() })
  .strict()
  .refine((share) => share.numerator <= share.denominator, 'a share is at most one whole');

const days = () => z.number().int().positive().max(3650);
const years = () => z.number().int().positive().max(10);
const odd = () =>
  z
    .number()
    .int()
    .positive()
    .max(999)
    .refine((n) => n % 2 === 1, 'odd');

/** One row of the committee size table: unions of up to `upTo` members (null: any larger). */
export const CommitteeSizeBandSchema = z
  .object({ upTo: z.number().int().positive().nullable(), min: odd(), max: odd() })
  .strict()
  .refine((band) => band.min <= band.max, 'min is at most max');

/** The committee size table (委员会委员人数): bands by growing membership, the last open-ended. */
export const CommitteeSizeTableSchema = z
  .array(CommitteeSizeBandSchema)
  .min(1)
  .max(20)
  .refine(
    (bands) =>
      bands.every((band, i) =>
        i === bands.length - 1
          ? band.upTo === null
          : band.upTo !== null && (i === 0 || band.upTo > bands[i - 1]!.upTo!),
      ),
    'bands go by growing membership and only the last is open-ended (upTo null)',
  );

export const CommitteeRulesSchema = z
  .object({
    /** From this many members a union elects a committee; fewer may elect one organiser (工会法). */
    requiredFromMembers: z.number().int().positive().max(10_000),
    sizeTable: CommitteeSizeTableSchema,
    /** An election is valid with at least this share of those entitled present (章程 practice). */
    electionQuorum: ShareSchema,
    /** The terms a grassroots committee may be elected for, and a federation's term (工会法). */
    termYears: z
      .object({ grassroots: z.array(years()).min(1).max(10), federation: years() })
      .strict(),
    /** The higher union replies to a members' congress within (基层工会会员代表大会条例). */
    congressReplyDays: days(),
  })
  .strict();

export const CollectiveContractRulesSchema = z
  .object({
    /** A request to negotiate is answered in writing within (集体合同规定 §32). */
    requestAnswerDays: days(),
    /** The draft passes with at least this share of delegates present (§36)… */
    congressQuorum: ShareSchema,
    /** …and more than this share of all delegates for. */
    approvalMoreThan: ShareSchema,
    /** The signed contract is filed with the labour bureau within (§42). */
    filingDays: days(),
    /** No objection within this many days → in force (§47). */
    objectionDays: days(),
    /** Contract term (§38). */
    termYears: z
      .object({ min: years(), max: years() })
      .strict()
      .refine((term) => term.min <= term.max, 'min is at most max'),
    /** Renewal may be requested in the last months of the term. */
    renewalWindowMonths: z.number().int().positive().max(24),
    /** Negotiators a side, the chief included (集体合同规定 §19–§20): equal numbers each side. */
    representativesPerSide: z
      .object({ min: z.number().int().positive().max(99), max: z.number().int().positive().max(99) })
      .strict()
      .refine((side) => side.min <= side.max, 'min is at most max'),
  })
  .strict();

export const WorkersCongressRulesSchema = z
  .object({
    /** Sessions a year at least (企业民主管理规定). */
    sessionsPerYear: z.number().int().positive().max(12),
    quorum: ShareSchema,
    decisionMoreThan: ShareSchema,
  })
  .strict();

export const DisputeRulesSchema = z
  .object({
    /** No agreement within this many days → the worker may go to arbitration (调解仲裁法 §14). */
    mediationDays: days(),
    /** Arbitration limitation period (§27). */
    arbitrationLimitationYears: years(),
  })
  .strict();

/** The longest a rectification may be given, by the hazard's severity (一般/较大/重大). */
export const RectificationDaysSchema = z
  .object({ minor: days(), major: days(), serious: days() })
  .strict()
  .refine(
    ({ minor, major, serious }) => serious <= major && major <= minor,
    'a graver hazard is given no longer than a lighter one',
  );

export const LabourProtectionRulesSchema = z
  .object({
    /** A rectification notice (整改通知) is due at most this many days after it (regional practice). */
    rectificationMaxDays: RectificationDaysSchema,
  })
  .strict();

export const HardshipRulesSchema = z
  .object({
    /** 深度困难: income per head below this multiple of the local minimum-living line (低保). */
    deepIncomeMultiple: z.number().positive().max(10),
    /** 相对困难: below this multiple. */
    relativeIncomeMultiple: z.number().positive().max(10),
    /** 脱困: income above the line for this many consecutive months. */
    exitAfterMonths: z.number().int().positive().max(60),
    /** Every file is checked again this often. */
    recheckEveryMonths: z.number().int().positive().max(60),
  })
  .strict();

export const DataQualityRulesSchema = z
  .object({
    /** A record entered more than this many days after its business date is late (DESIGN §6). */
    lateEntryDays: days(),
  })
  .strict();

export const HotlineRulesSchema = z
  .object({
    /**
     * Days after receipt by which the unit holding a 12351 ticket answers the caller, by its tier
     * (regional practice; the seeds give no number, DESIGN §9).
     */
    answerDays: z
      .object({ municipal: days(), district: days(), street: days(), union: days() })
      .strict(),
  })
  .strict();

const groups = {
  committee: CommitteeRulesSchema,
  collectiveContract: CollectiveContractRulesSchema,
  workersCongress: WorkersCongressRulesSchema,
  disputes: DisputeRulesSchema,
  hardship: HardshipRulesSchema,
  dataQuality: DataQualityRulesSchema,
  labourProtection: LabourProtectionRulesSchema,
  hotline: HotlineRulesSchema,
};

/** A whole rule set: every value of every group, consistent with each other. */
export const RuleValuesSchema = z
  .object(groups)
  .strict()
  .refine(({ hardship }) => hardship.deepIncomeMultiple <= hardship.relativeIncomeMultiple, {
    message: '深度 hardship lies below 相对 hardship',
    path: ['hardship'],
  })
  .refine(
    ({ collectiveContract }) =>
      collectiveContract.renewalWindowMonths < collectiveContract.termYears.min * 12,
    {
      message: 'the renewal window is shorter than the shortest term',
      path: ['collectiveContract'],
    },
  );
export type RuleValues = z.infer<typeof RuleValuesSchema>;

/** What an amendment changes: some keys of some groups, each key replaced whole. */
export const RuleChangesSchema = z
  .object({
    committee: CommitteeRulesSchema.partial().optional(),
    collectiveContract: CollectiveContractRulesSchema.partial().optional(),
    workersCongress: WorkersCongressRulesSchema.partial().optional(),
    disputes: DisputeRulesSchema.partial().optional(),
    hardship: HardshipRulesSchema.partial().optional(),
    dataQuality: DataQualityRulesSchema.partial().optional(),
    labourProtection: LabourProtectionRulesSchema.partial().optional(),
    hotline: HotlineRulesSchema.partial().optional(),
  })
  .strict()
  .refine(
    (changes) => Object.values(changes).some((group) => group && Object.keys(group).length > 0),
    'an amendment changes at least one value',
  );
export type RuleChanges = z.infer<typeof RuleChangesSchema>;

/** A rule set's region: `national` (the defaults), or the org path of the federation it covers. */
export const RuleRegionSchema = z
  .string()
  .max(200)
  .regex(/^(national|[A-Za-z0-9-]+(\/[A-Za-z0-9-]+)*)$/, 'national, or an org path');

/** The rule set a decision applied, recorded in its event's data (absent before: national, 1). */
export const AppliedRuleSetSchema = z
  .object({ region: RuleRegionSchema, version: z.number().int().positive() })
  .strict();
export type AppliedRuleSet = z.infer<typeof AppliedRuleSetSchema>;
