import { Controller, Inject, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';

import type { PoolClient } from 'pg';

import type { EventEnvelope, OrganisationEvent } from '@taizhang/contracts';
import { Topics } from '@taizhang/contracts';
import { projectMemberDirectory, projectOrgTree, whereIsUnit } from '@taizhang/directory';
import type { CommandMetadata } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';
import { EventContext, EventHandlerErrorFilter } from '@taizhang/messaging';

import type { UnionEnd } from '../shared/union-end';
import { handOverOpenRecords } from '../shared/union-end';
import { openRecordHandovers } from '../union-end.handovers';

/**
 * Rights' replica of organisation (DESIGN §3: built from `taizhang.organisation.v1`, never a
 * read of organisation's database): the org tree, for each record's scope, and the member
 * directory, for a dispute's claimants. In the consumer's transaction, which also records the
 * event as processed: a redelivery changes nothing. A union's end (merged, dissolved) also acts
 * on its open records, in the same transaction (README, "A union dissolved or merged").
 */
@Controller()
@UseFilters(EventHandlerErrorFilter)
export class OrganisationConsumer {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  @EventPattern(Topics.organisation)
  async onOrganisationEvent(
    @Payload() event: EventEnvelope,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const tx = context.getTransaction();
    await projectOrgTree(tx, event);
    await projectMemberDirectory(tx, event);
    const end = await unionEndOf(tx, event);
    if (end === null) return;
    const metadata: CommandMetadata = {
      now: new Date(),
      actorId: 'union-end',
      actorRole: 'system',
      correlationId: event.correlationId,
      causationId: event.eventId,
      occurredAt: new Date(event.occurredAt),
    };
    await handOverOpenRecords(tx, this.store, openRecordHandovers, end, metadata);
  }
}

/** The union's end an event tells, with who takes over, from the tree as just projected. */
const unionEndOf = async (tx: PoolClient, event: EventEnvelope): Promise<UnionEnd | null> => {
  // The transport has validated the event against organisation's registry.
  const typed = { type: event.type, data: event.data } as OrganisationEvent;
  switch (typed.type) {
    case 'UnionMerged': {
      const { unionId, intoUnionId, mergedOn } = typed.data;
      const into = await whereIsUnit(tx, intoUnionId);
      // A merger into a union the tree has not heard of cannot be applied: retried, then the DLQ.
      if (into === null) throw new Error(`UnionMerged into unknown union ${intoUnionId}`);

      return {
        kind: 'merged',
        unionId,
        on: mergedOn,
        into: { id: into.orgUnitId, path: into.orgPath },
      };
    }
    case 'UnionDissolved': {
      const { unionId, dissolvedOn } = typed.data;
      const union = await whereIsUnit(tx, unionId);
      if (union?.parentId == null) return null;

      return {
        kind: 'dissolved',
        unionId,
        on: dissolvedOn,
        union: { id: unionId, path: union.orgPath },
        federationId: union.parentId,
      };
    }
    default:
      return null;
  }
};
