import type { RuleValues } from '@taizhang/contracts';
import { RuleValuesSchema } from '@taizhang/contracts';

/**
 * The national defaults of DESIGN §9: version 1 of every region's rule set, in force from the
 * beginning. A region's own numbers are amendments (`RuleSetAmended`), never edits of this file.
 */
export const NATIONAL_RULES: RuleValues = RuleValuesSchema.parse({
  committee: {
    requiredFromMembers: 25, // 工会法
    // Regional practice: committee size by membership, always an odd number.
    sizeTable: [
      { upTo: 25, min: 3, max: 3 },
      { upTo: 100, min: 3, max: 5 },
      { upTo: 200, min: 5, max: 7 },
      { upTo: 500, min: 7, max: 9 },
      { upTo: 1000, min: 9, max: 15 },
      { upTo: 5000, min: 15, max: 21 },
      { upTo: null, min: 21, max: 35 },
    ],
    electionQuorum: { numerator: 2, denominator: 3 }, // 章程 practice
    termYears: { grassroots: [3, 5], federation: 5 }, // 工会法
    congressReplyDays: 15, // 基层工会会员代表大会条例
  },
  collectiveContract: {
    requestAnswerDays: 20, // 集体合同规定 §32
    congressQuorum: { numerator: 2, denominator: 3 }, // §36
    approvalMoreThan: { numerator: 1, denominator: 2 },
    filingDays: 10, // §42
    objectionDays: 15, // §47
    termYears: { min: 1, max: 3 }, // §38
    renewalWindowMonths: 3,
    representativesPerSide: { min: 3, max: 10 }, // §20
  },
  workersCongress: {
    sessionsPerYear: 1, // 企业民主管理规定
    quorum: { numerator: 2, denominator: 3 },
    decisionMoreThan: { numerator: 1, denominator: 2 },
  },
  disputes: {
    mediationDays: 15, // 劳动争议调解仲裁法 §14
    arbitrationLimitationYears: 1, // §27
  },
  hardship: {
    deepIncomeMultiple: 1, // 全总 policy: below the 低保 line…
    relativeIncomeMultiple: 2, // …or below twice it
    exitAfterMonths: 6, // local rules: 脱困 after 6 months above the line
    recheckEveryMonths: 12, // every file once a year
  },
  dataQuality: {
    lateEntryDays: 30, // regional practice: a record entered over a month after the fact is late
  },
  labourProtection: {
    // Regional practice (工会劳动保护监督检查): 一般 30 days, 较大 15, 重大 7 at most.
    rectificationMaxDays: { minor: 30, major: 15, serious: 7 },
  },
  hotline: {
    // Regional practice for 12351 (the seeds name the hotline, no limit): the closer to the
    // workplace, the shorter; a federation above handles what needs more than one employer.
    answerDays: { municipal: 15, district: 10, street: 7, union: 5 },
  },
});
