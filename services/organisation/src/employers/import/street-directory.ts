import type { PostgresEventStore } from '@taizhang/event-store';
import { aggregateStream, streamsOfType } from '@taizhang/event-store';

import type { ParentRef } from '../../org-units';
import { orgTreeOf } from '../../org-units';
import { orgUnitDecider } from '../../org-units';
import { loadParentRef } from '../../org-units';
import type { RuleBreach } from '../employer.error';
import { EmployerImportErrorCode } from './employer-import.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a 所属街道 cell names: a unit as its own stream says (null: none), or why it cannot tell. */
export type StreetLookup = { street: ParentRef | null } | { breach: RuleBreach };

/**
 * Resolves the 所属街道 cells of one import: a street's id, or its code (as given when the unit was
 * created, e.g. 210102001). Each unit is read once per import. Units outside the importing
 * caller's scope (`canReach`) are not there at all: the same answer as an unknown id or code.
 */
export class StreetDirectory {
  private readonly byId = new Map<string, Promise<ParentRef | null>>();
  private byCode: Promise<Map<string, ParentRef[]>> | undefined;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly canReach: (orgPath: string) => boolean,
  ) {}

  async resolve(cell: string): Promise<StreetLookup> {
    if (UUID.test(cell)) return { street: await this.unit(cell.toLowerCase()) };
    const streets = (await this.streetsByCode()).get(cell) ?? [];
    if (streets.length === 1) return { street: streets[0]! };

    return {
      breach:
        streets.length === 0
          ? {
              code: EmployerImportErrorCode.StreetCodeUnknown,
              en: `No street has the code or id "${cell}".`,
              zh: `没有代码或编号为“${cell}”的街道（乡镇）。`,
              field: 'street',
            }
          : {
              code: EmployerImportErrorCode.StreetCodeAmbiguous,
              en: `${streets.length} streets have the code "${cell}"; write the street's id instead.`,
              zh: `有${streets.length}个街道的代码都是“${cell}”，请改填街道编号（id）。`,
              field: 'street',
              details: { streetIds: streets.map((street) => street.id) },
            },
    };
  }

  private unit(id: string): Promise<ParentRef | null> {
    let found = this.byId.get(id);
    if (!found) {
      found = loadParentRef(this.store, id).then((unit) =>
        unit && this.canReach(unit.orgPath) ? unit : null,
      );
      this.byId.set(id, found);
    }

    return found;
  }

  private streetsByCode(): Promise<Map<string, ParentRef[]>> {
    this.byCode ??= this.loadStreets();

    return this.byCode;
  }

  private async loadStreets(): Promise<Map<string, ParentRef[]>> {
    // The org tree is a few hundred units: its streams are listed from the store's stream heads.
    const streamIds = await streamsOfType(this.store.pool, 'org-unit');
    const streets: { id: string; code: string }[] = [];
    for (const streamId of streamIds) {
      const { state } = await aggregateStream(this.store, streamId, orgUnitDecider);
      if (state.status === 'Active' && state.kind === 'street')
        streets.push({ id: state.id, code: state.code });
    }
    // Their paths as the tree has them now: a district moved since takes its streets along.
    const paths = await orgTreeOf(this.store.pool).pathsOf(streets.map(({ id }) => id));
    const byCode = new Map<string, ParentRef[]>();
    for (const { id, code } of streets) {
      const orgPath = paths.get(id);
      if (orgPath === undefined || !this.canReach(orgPath)) continue;
      const street: ParentRef = { id, kind: 'street', orgPath };
      byCode.set(code, [...(byCode.get(code) ?? []), street]);
      this.byId.set(id, Promise.resolve(street));
    }

    return byCode;
  }
}
