import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import type { EventEnvelope } from '@taizhang/contracts';
import { Topics } from '@taizhang/contracts';
import { projectOrgTree } from '@taizhang/directory';
import { EventContext, EventHandlerErrorFilter } from '@taizhang/messaging';

/**
 * Feeds the gateway's replica of the org tree (DESIGN §3: built from `taizhang.organisation.v1`,
 * never a read of organisation's database) so that accounts can be placed in a unit and tokens
 * carry its path. Runs in the consumer's transaction, which also records the event as processed.
 */
@Controller()
@UseFilters(EventHandlerErrorFilter)
export class OrgTreeConsumer {
  @EventPattern(Topics.organisation)
  onOrganisationEvent(
    @Payload() event: EventEnvelope,
    @Ctx() context: EventContext,
  ): Promise<void> {
    return projectOrgTree(context.getTransaction(), event);
  }
}
