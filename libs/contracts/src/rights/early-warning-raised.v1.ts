import { z } from 'zod';

import { defineEvent } from '../event-definition';

/** The risk 风险: unpaid wages 欠薪, a mass dispute 群体性事件, closure 停产关闭, other 其他. */
export const WarningRiskSchema = z.enum(['wage_arrears', 'mass_dispute', 'closure', 'other']);

/** The four colours of a warning 预警等级, from blue 蓝 (least) to red 红 (gravest). */
export const WarningLevelSchema = z.enum(['blue', 'yellow', 'orange', 'red']);
export const WARNING_LEVELS = WarningLevelSchema.options;

/**
 * A union or federation raised a labour-relations early warning 劳动关系预警 about an employer
 * (预警监测、信息通报): keyed by the unit that raised it.
 */
export const EarlyWarningRaisedV1 = defineEvent(
  'EarlyWarningRaised',
  1,
  z.object({
    warningId: z.string().min(1),
    orgUnitId: z.string().min(1),
    employerId: z.string().nullable(),
    employerName: z.string().nullable(),
    risk: WarningRiskSchema,
    level: WarningLevelSchema,
    raisedOn: z.iso.date(),
    description: z.string().min(1),
  }),
);

/** What was done about an open warning (跟踪处置), on a day. */
export const EarlyWarningFollowedUpV1 = defineEvent(
  'EarlyWarningFollowedUp',
  1,
  z.object({
    warningId: z.string().min(1),
    orgUnitId: z.string().min(1),
    followUpId: z.string().min(1),
    on: z.iso.date(),
    action: z.string().min(1),
  }),
);

/** An open warning was raised or lowered to another level (升级/降级), from `from` to `to`. */
export const EarlyWarningLevelChangedV1 = defineEvent(
  'EarlyWarningLevelChanged',
  1,
  z.object({
    warningId: z.string().min(1),
    orgUnitId: z.string().min(1),
    from: WarningLevelSchema,
    to: WarningLevelSchema,
    changedOn: z.iso.date(),
    reason: z.string().min(1),
  }),
);

/** A warning was resolved (解除预警) at its last level, with the outcome. */
export const EarlyWarningResolvedV1 = defineEvent(
  'EarlyWarningResolved',
  1,
  z.object({
    warningId: z.string().min(1),
    orgUnitId: z.string().min(1),
    level: WarningLevelSchema,
    resolvedOn: z.iso.date(),
    outcome: z.string().min(1),
  }),
);

/**
 * Its union merged (合并): an open warning the union raised is carried on by the surviving union
 * from `on` (scope, figures at its `level`).
 */
export const EarlyWarningHandedOverV1 = defineEvent(
  'EarlyWarningHandedOver',
  1,
  z.object({
    warningId: z.string().min(1),
    fromUnitId: z.string().min(1),
    toUnitId: z.string().min(1),
    on: z.iso.date(),
    level: WarningLevelSchema,
  }),
);

/**
 * Its union dissolved (撤销): an open warning the union raised is carried on by the federation
 * above (`keeperId`) from `on` (scope, figures at its `level`).
 */
export const EarlyWarningKeptByFederationV1 = defineEvent(
  'EarlyWarningKeptByFederation',
  1,
  z.object({
    warningId: z.string().min(1),
    unitId: z.string().min(1),
    keeperId: z.string().min(1),
    on: z.iso.date(),
    level: WarningLevelSchema,
  }),
);
