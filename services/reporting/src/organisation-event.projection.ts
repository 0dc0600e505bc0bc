import type { PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';
import { deferredBatch, writeDeferredBatches } from '@taizhang/messaging';

import { projectAnswersOverdue } from './as-of/answers-overdue.projection';
import { projectAsOfFigures } from './as-of/as-of.projection';
import { memberStepOf } from './as-of/member-step';
import type { TimelineStep } from './as-of/member-timeline.projection';
import { projectMemberTimeline, timelineStep } from './as-of/member-timeline.projection';
import { projectUnionTypes } from './as-of/union-types.projection';
import { projectEmployerFacts } from './employer-facts/employer-facts.projection';
import { projectOrgUnitFacts } from './org-summary/org-unit-facts.projection';
import { projectUnionCoverage } from './union-coverage/union-coverage.projection';

export interface ProjectionOptions {
  /**
   * In the consumer's transaction: members' joins, transfers and leavings are gathered and
   * written together before the commit (one statement for a run of events, where each took its
   * own), and before any other event, so that the topic's order holds.
   */
  batchMemberSteps?: boolean;
}

/**
 * Applies one `organisation` event to every read model of reporting, one after the other on the
 * one transaction: a failure leaves none of them changed.
 */
export const projectOrganisationEvent = async (
  event: EventEnvelope,
  tx: PoolClient,
  { batchMemberSteps = false }: ProjectionOptions = {},
): Promise<void> => {
  if (batchMemberSteps) {
    const step = memberStepOf(event);
    if (step) {
      deferredBatch<TimelineStep>(tx, 'reporting.member-steps', (steps) =>
        projectMemberTimeline(steps, tx),
      ).push(timelineStep(event, step));

      return;
    }
    await writeDeferredBatches(tx);
  }
  await projectOrgUnitFacts(event, tx);
  await projectEmployerFacts(event, tx);
  await projectUnionCoverage(event, tx);
  await projectAsOfFigures(event, tx);
  await projectUnionTypes(event, tx);
  await projectAnswersOverdue(event, tx);
};
