import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** 厂务公开 of an enterprise (factory) or 校务公开 of a school (school). */
export const DisclosureKindSchema = z.enum(['factory', 'school']);

/**
 * What was made public: wages and bonuses 工资奖金, promotion 职务晋升, social insurance and
 * housing fund 五险一金, welfare 福利, hardship grants 困难补助, labour contracts 劳动合同,
 * work safety 安全生产, other 其他.
 */
export const DisclosureItemSchema = z.enum([
  'wages_bonuses',
  'promotion',
  'social_insurance',
  'welfare',
  'hardship_grants',
  'contracts',
  'safety',
  'other',
]);

/** To whom: all the workers 全体职工, the congress delegates 职工代表, the union committee 工会委员会. */
export const DisclosureAudienceSchema = z.enum(['all_workers', 'delegates', 'committee']);

/** How: notice board 公开栏, the workers' congress 职代会, intranet 内网, a meeting 会议, other. */
export const DisclosureChannelSchema = z.enum([
  'notice_board',
  'congress',
  'intranet',
  'meeting',
  'other',
]);

/**
 * The responsibility system of 厂务公开 (责任制): the party secretary as 第一责任人, the
 * administrative head as 第一执行人, discipline and union leaders as 第一监督人, the workers as
 * 第一评价人 — each by name as the union records it.
 */
export const DisclosureResponsiblePersonsSchema = z.object({
  firstResponsible: z.string().min(1),
  firstExecutor: z.string().min(1),
  firstSupervisor: z.string().min(1),
  firstEvaluator: z.string().min(1),
});

/** A union recorded an affairs disclosure 厂务公开/校务公开 of its employer. */
export const DisclosureRecordedV1 = defineEvent(
  'DisclosureRecorded',
  1,
  z.object({
    disclosureId: z.string().min(1),
    unionId: z.string().min(1),
    kind: DisclosureKindSchema,
    disclosedOn: z.iso.date(),
    items: z.array(DisclosureItemSchema).min(1),
    audience: DisclosureAudienceSchema,
    channel: DisclosureChannelSchema,
    responsiblePersons: DisclosureResponsiblePersonsSchema,
    notes: z.string().nullable(),
  }),
);

/** A disclosure recorded in error was withdrawn (撤销登记): it no longer counts. */
export const DisclosureWithdrawnV1 = defineEvent(
  'DisclosureWithdrawn',
  1,
  z.object({
    disclosureId: z.string().min(1),
    unionId: z.string().min(1),
    // The day of the disclosure withdrawn: what a figure of its year takes back.
    disclosedOn: z.iso.date(),
    withdrawnOn: z.iso.date(),
    reason: z.string().min(1),
  }),
);
