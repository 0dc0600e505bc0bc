import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import type { EventEnvelope } from '@taizhang/contracts';
import { Topics } from '@taizhang/contracts';
import { projectMemberDirectory, projectOrgTree } from '@taizhang/directory';
import { EventContext, EventHandlerErrorFilter } from '@taizhang/messaging';

/**
 * Rights' replica of organisation (DESIGN §3: built from `taizhang.organisation.v1`, never a
 * read of organisation's database): the org tree, for each record's scope, and the member
 * directory, for a dispute's claimants. In the consumer's transaction, which also records the
 * event as processed: a redelivery changes nothing.
 */
@Controller()
@UseFilters(EventHandlerErrorFilter)
export class OrganisationConsumer {
  @EventPattern(Topics.organisation)
  async onOrganisationEvent(
    @Payload() event: EventEnvelope,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const tx = context.getTransaction();
    await projectOrgTree(tx, event);
    await projectMemberDirectory(tx, event);
  }
}
