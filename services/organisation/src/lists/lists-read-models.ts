import type { OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { catchUpProjection, PostgresEventStore } from '@taizhang/event-store';

import { memberRosterProjection } from './member-roster/member-roster.projection';
import { unionRegisterProjection } from './union-register/union-register.projection';

/**
 * The lists' read models, caught up with the store before each read, so a list shows what the
 * caller has just recorded (a join, an approval) without a consumer in between; a transaction of
 * this database still open holds back only the events after it.
 */
@Injectable()
export class ListsReadModels implements OnApplicationBootstrap {
  private readonly logger = new Logger(ListsReadModels.name);

  constructor(@Inject(PostgresEventStore) readonly store: PostgresEventStore) {}

  /**
   * Catches up in the background at start, so that the first list read after a deploy (or after
   * the tables were created on a large store) does not replay history inside a request.
   */
  onApplicationBootstrap(): void {
    void Promise.all([this.members(), this.unions()]).catch((error: unknown) =>
      this.logger.warn({ error }, 'The lists could not catch up at start; reads will.'),
    );
  }

  async members(): Promise<void> {
    await catchUpProjection(this.store, memberRosterProjection);
  }

  async unions(): Promise<void> {
    await catchUpProjection(this.store, unionRegisterProjection);
  }
}
