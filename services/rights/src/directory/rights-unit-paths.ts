import { Inject, Injectable } from '@nestjs/common';

import { OrgUnitPaths } from '@taizhang/bootstrap';
import { whereIsUnit } from '@taizhang/directory';
import { PostgresEventStore } from '@taizhang/event-store';

/** Places the units a refusal's in-scope-only details concern, by the org tree replica. */
@Injectable()
export class RightsUnitPaths extends OrgUnitPaths {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {
    super();
  }

  async pathOf(unitId: string): Promise<string | null> {
    return (await whereIsUnit(this.store.pool, unitId))?.orgPath ?? null;
  }
}
