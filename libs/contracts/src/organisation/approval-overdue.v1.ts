import { z } from 'zod';

import { defineEvent } from '../event-definition';
import { AppliedRuleSetSchema } from '../rules/rule-values';

/**
 * The union one level up has not answered within the rule's time (DESIGN §9, 15 days by
 * default): a founding application (组建申请) or a re-election (换届选举) still waits. Raised
 * once, on the day the limit runs out, by organisation's answer clock; the event concerns the
 * union that waits.
 */
export const ApprovalOverdueV1 = defineEvent(
  'ApprovalOverdue',
  1,
  z.object({
    unionId: z.string().min(1),
    subject: z.enum(['application', 'election']),
    /** The day the application was submitted or the congress held: the wait began then. */
    waitingSince: z.iso.date(),
    /** The day the limit ran out (waitingSince + replyDays). */
    dueOn: z.iso.date(),
    replyDays: z.number().int().positive(),
    /** The rule set that set the limit. */
    ruleSet: AppliedRuleSetSchema,
  }),
);
