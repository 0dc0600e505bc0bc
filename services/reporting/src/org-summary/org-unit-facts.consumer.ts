import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import type { EventEnvelope } from '@taizhang/contracts';
import { Topics } from '@taizhang/contracts';
import { EventContext, EventHandlerErrorFilter } from '@taizhang/messaging';

import { projectEmployerFacts } from '../employer-facts/employer-facts.projection';
import { projectUnionCoverage } from '../union-coverage/union-coverage.projection';
import { projectOrgUnitFacts } from './org-unit-facts.projection';

/**
 * Keeps the org-unit and employer facts up to date from `taizhang.organisation.v1`. Each event is
 * applied in the transaction that records it as processed; one that cannot be applied goes to
 * the DLQ.
 */
@Controller()
@UseFilters(EventHandlerErrorFilter)
export class OrgUnitFactsConsumer {
  @EventPattern(Topics.organisation)
  async onOrganisationEvent(
    @Payload() event: EventEnvelope,
    @Ctx() context: EventContext,
  ): Promise<void> {
    // One after the other on the one transaction: a failure leaves neither read model changed.
    await projectOrgUnitFacts(event, context.getTransaction());
    await projectEmployerFacts(event, context.getTransaction());
    await projectUnionCoverage(event, context.getTransaction());
  }
}
