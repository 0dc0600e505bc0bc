import { Inject, Injectable } from '@nestjs/common';

import { catchUpProjection, PostgresEventStore } from '@taizhang/event-store';

import { memberRosterProjection } from './member-roster/member-roster.projection';
import { unionRegisterProjection } from './union-register/union-register.projection';

/**
 * The lists' read models, caught up with the store before each read, so a list shows what the
 * caller has just recorded (a join, an approval) without a consumer in between; a transaction of
 * this database still open holds back only the events after it.
 */
@Injectable()
export class ListsReadModels {
  constructor(@Inject(PostgresEventStore) readonly store: PostgresEventStore) {}

  async members(): Promise<void> {
    await catchUpProjection(this.store, memberRosterProjection);
  }

  async unions(): Promise<void> {
    await catchUpProjection(this.store, unionRegisterProjection);
  }
}
