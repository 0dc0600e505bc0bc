import { Inject, Injectable } from '@nestjs/common';

import type { PostgresEventStore } from '@taizhang/event-store';

import { loadOrgUnit } from '../../org-units';
import { ListsReadModels } from '../lists-read-models';
import { pagedRows } from '../paged-rows';

export type PendingKind = 'application' | 'election';

/** What waits for the union above: a founding application, or a re-election to approve. */
export interface PendingApproval {
  kind: PendingKind;
  unionId: string;
  name: string;
  parentId: string;
  parentName: string | null;
  waitingSince: string;
  daysWaiting: number;
}

export type TermState = 'ended' | 'ending';

/** A union whose committee's term ends soon or has ended (换届预警). */
export interface TermWarning {
  unionId: string;
  name: string;
  parentId: string;
  parentName: string | null;
  establishedOn: string;
  termEndsOn: string;
  daysLeft: number;
  state: TermState;
  electionHeldOn: string | null;
}

// Unions under their parents' current paths (a moved street takes its unions along).
const PLACED = `
  SELECT r.*, p.org_path || '/' || r.union_id AS org_path
  FROM union_register r
  JOIN org_paths p ON p.unit_id = r.parent_id AND p.valid_to = 'infinity'`;

const IN_SUBTREE = "(q.org_path = $1 OR starts_with(q.org_path, $1 || '/'))";

// Below the unit: applications not yet decided, elections held and not yet approved or refused.
const PENDING = `
  SELECT kind, union_id AS "unionId", name, parent_id AS "parentId",
         to_char(waiting_since, 'YYYY-MM-DD') AS "waitingSince",
         ($2::date - waiting_since) AS "daysWaiting"
  FROM (
    SELECT q.*,
           CASE WHEN q.status = 'applied' THEN 'application' ELSE 'election' END AS kind,
           CASE WHEN q.status = 'applied' THEN q.submitted_on ELSE q.election_held_on END AS waiting_since
    FROM (${PLACED}) q
    WHERE ${IN_SUBTREE} AND q.org_path <> $1
      AND (q.status = 'applied' OR (q.status = 'active' AND q.election_held_on IS NOT NULL))
  ) w
  WHERE $3::text IS NULL OR kind = $3`;

// Existing unions of the subtree whose term's last day is at most `within` days away, or past.
const TERMS = `
  SELECT union_id AS "unionId", name, parent_id AS "parentId",
         to_char(established_on, 'YYYY-MM-DD') AS "establishedOn",
         to_char(term_ends_on, 'YYYY-MM-DD') AS "termEndsOn",
         (term_ends_on - $2::date) AS "daysLeft",
         CASE WHEN term_ends_on < $2::date THEN 'ended' ELSE 'ending' END AS state,
         to_char(election_held_on, 'YYYY-MM-DD') AS "electionHeldOn"
  FROM (${PLACED}) q
  WHERE ${IN_SUBTREE} AND q.status = 'active' AND q.term_ends_on IS NOT NULL
    AND q.term_ends_on <= $2::date + $3::int
    AND ($4::text IS NULL OR (q.term_ends_on < $2::date) = ($4 = 'ended'))`;

type Named = { parentId: string; parentName: string | null };

/** Each row with its federation's name as that unit's stream has it now (a few distinct parents). */
const withParentNames = async <TRow extends Named>(
  store: PostgresEventStore,
  page: { total: number; rows: Omit<TRow, 'parentName'>[] },
): Promise<{ total: number; rows: TRow[] }> => {
  const names = new Map(
    await Promise.all(
      [...new Set(page.rows.map((row) => row.parentId))].map(async (id) => {
        const { state } = await loadOrgUnit(store, id);

        return [id, state.status === 'Active' ? state.name : null] as const;
      }),
    ),
  );

  return {
    total: page.total,
    rows: page.rows.map((row) => ({ ...row, parentName: names.get(row.parentId) ?? null }) as TRow),
  };
};

/** The queue of the union above and 换届预警, from the union register. */
@Injectable()
export class UnionRegisterQuery {
  constructor(@Inject(ListsReadModels) private readonly readModels: ListsReadModels) {}

  async pending(
    unitPath: string,
    today: string,
    kind: PendingKind | null,
    window: { limit: number; offset: number },
  ): Promise<{ total: number; rows: PendingApproval[] }> {
    await this.readModels.unions();

    return withParentNames<PendingApproval>(
      this.readModels.store,
      await pagedRows(
        this.readModels.store.pool,
        PENDING,
        '"waitingSince", "unionId"',
        [unitPath, today, kind],
        window,
      ),
    );
  }

  async termWarnings(
    unitPath: string,
    today: string,
    { within, state }: { within: number; state: TermState | null },
    window: { limit: number; offset: number },
  ): Promise<{ total: number; rows: TermWarning[] }> {
    await this.readModels.unions();

    return withParentNames<TermWarning>(
      this.readModels.store,
      await pagedRows(
        this.readModels.store.pool,
        TERMS,
        '"termEndsOn", "unionId"',
        [unitPath, today, within, state],
        window,
      ),
    );
  }
}
