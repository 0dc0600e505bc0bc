import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import type { EventEnvelope } from '@taizhang/contracts';
import { Topics } from '@taizhang/contracts';
import { EventContext, EventHandlerErrorFilter } from '@taizhang/messaging';

import { projectOrganisationEvent } from './organisation-event.projection';

/**
 * Keeps reporting's read models up to date from `taizhang.organisation.v1`. Each event is
 * applied in the transaction that records it as processed (members' steps of a run written
 * together before its commit); one that cannot be applied goes to the DLQ.
 */
@Controller()
@UseFilters(EventHandlerErrorFilter)
export class OrgUnitFactsConsumer {
  @EventPattern(Topics.organisation)
  async onOrganisationEvent(
    @Payload() event: EventEnvelope,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await projectOrganisationEvent(event, context.getTransaction(), { batchMemberSteps: true });
  }
}
