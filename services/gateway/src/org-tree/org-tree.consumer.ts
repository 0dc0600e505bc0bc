import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import type { EventEnvelope } from '@taizhang/contracts';
import { Topics } from '@taizhang/contracts';
import { EventContext, EventHandlerErrorFilter } from '@taizhang/messaging';

import { projectOrgTree } from './org-tree.projection';

/** Feeds the org-tree replica from `taizhang.organisation.v1`. */
@Controller()
@UseFilters(EventHandlerErrorFilter)
export class OrgTreeConsumer {
  @EventPattern(Topics.organisation)
  onOrganisationEvent(
    @Payload() event: EventEnvelope,
    @Ctx() context: EventContext,
  ): Promise<void> {
    return projectOrgTree(event, context.getTransaction());
  }
}
