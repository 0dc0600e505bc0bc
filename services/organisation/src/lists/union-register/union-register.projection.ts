import type { PoolClient } from 'pg';

import { organisationEvents } from '@taizhang/contracts';
import type { LocalProjection, StoredEvent } from '@taizhang/event-store';

import type { Union, UnionEvent } from '../../unions';
import { unionDecider } from '../../unions';

const READ = 'SELECT state FROM union_register WHERE union_id = $1 FOR UPDATE';

const UPSERT = `
  INSERT INTO union_register (union_id, parent_id, status, name, submitted_on, established_on,
                              term_ends_on, election_held_on, state)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (union_id) DO UPDATE SET
    parent_id = coalesce(EXCLUDED.parent_id, union_register.parent_id), status = EXCLUDED.status,
    name = EXCLUDED.name, submitted_on = coalesce(EXCLUDED.submitted_on, union_register.submitted_on),
    established_on = coalesce(EXCLUDED.established_on, union_register.established_on),
    term_ends_on = EXCLUDED.term_ends_on, election_held_on = EXCLUDED.election_held_on,
    state = EXCLUDED.state`;

type Recorded = Exclude<Union, { status: 'None' }>;

const STATUS: Record<Recorded['status'], string> = {
  Applied: 'applied',
  Approved: 'approved',
  Rejected: 'rejected',
  Registered: 'active',
  Dissolved: 'dissolved',
  Merged: 'merged',
};

// What only a union that exists as an org unit has: its founding, its term, an election waiting.
const lifeOf = (union: Recorded): (string | null)[] => {
  if (union.status !== 'Registered') return [null, null, null];

  return [union.establishedOn, union.termEndsOn ?? null, union.pendingElection?.heldOn ?? null];
};

const columnsOf = (union: Recorded) => [
  union.id,
  'parentId' in union ? union.parentId : null,
  STATUS[union.status],
  union.name,
  'submittedOn' in union ? union.submittedOn : null,
  ...lifeOf(union),
  union,
];

/**
 * Folds each union stream's events, in commit order, with the union decider's own `evolve`: the
 * register says what the union's stream says (a term entered by a later kind of registration, a
 * status added later, are read as `evolve` learns them). Other streams' events are passed over.
 */
export const unionRegisterProjection: LocalProjection = {
  name: 'lists/union-register',
  types: new Set(organisationEvents.map((definition) => definition.type)),
  apply: async (event: StoredEvent, tx: PoolClient) => {
    if (event.streamType !== 'union') return;
    const unionId = event.streamId.slice('union-'.length);
    const { rows } = await tx.query<{ state: Union }>(READ, [unionId]);
    const union = unionDecider.evolve(
      rows[0]?.state ?? unionDecider.initialState(),
      event as unknown as UnionEvent,
    );
    if (union.status === 'None') return;
    await tx.query(UPSERT, columnsOf(union));
  },
};
