import { Inject, Injectable } from '@nestjs/common';

import { OrgUnitPaths } from '@taizhang/bootstrap';
import { PostgresEventStore } from '@taizhang/event-store';

import { orgTreeOf } from '../org-units';
import { readUnionAtCurrentPath } from './union-current-path';

/**
 * Places the units a refusal's in-scope-only details concern (for the problem filter): a
 * federation unit by the tree, a union (or a founding application) at its current path.
 */
@Injectable()
export class OrganisationUnitPaths extends OrgUnitPaths {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {
    super();
  }

  async pathOf(unitId: string): Promise<string | null> {
    const federation = (await orgTreeOf(this.store.pool).pathsOf([unitId])).get(unitId);
    if (federation) return federation;
    const { state } = await readUnionAtCurrentPath(this.store, unitId);

    return 'orgPath' in state ? state.orgPath : null;
  }
}
