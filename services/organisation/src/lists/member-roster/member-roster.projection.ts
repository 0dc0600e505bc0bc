import type { PoolClient } from 'pg';

import { organisationEvents } from '@taizhang/contracts';
import type { LocalProjection, StoredEvent } from '@taizhang/event-store';

import type { Member, MemberEvent } from '../../members';
import { memberDecider } from '../../members';

const READ = 'SELECT state FROM member_roster WHERE member_id = $1 FOR UPDATE';

const UPSERT = `
  INSERT INTO member_roster
    (member_id, union_id, holder_id, status, name, joined_on, since, branch_id, state)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (member_id) DO UPDATE SET
    union_id = EXCLUDED.union_id, holder_id = EXCLUDED.holder_id, status = EXCLUDED.status,
    name = EXCLUDED.name, joined_on = EXCLUDED.joined_on, since = EXCLUDED.since,
    branch_id = EXCLUDED.branch_id, state = EXCLUDED.state`;

const STATUS = { Active: 'active', Retained: 'retained', Left: 'left' } as const;

/** The unit that keeps a member's records: the union, or the federation holding a retention. */
const holderOf = (member: Exclude<Member, { status: 'None' }>): string =>
  member.status === 'Retained' && member.retention.heldBy === 'federation'
    ? member.retention.heldByOrgUnitId
    : member.unionId;

/**
 * Folds each member stream's events, in commit order (which keeps each stream's order), with the
 * member decider's own `evolve`, so the roster says what a member's stream says. Every event
 * type is read and those of other streams passed over: a member event added later is folded
 * too, as `evolve` learns it.
 */
export const memberRosterProjection: LocalProjection = {
  name: 'lists/member-roster',
  types: new Set(organisationEvents.map((definition) => definition.type)),
  apply: async (event: StoredEvent, tx: PoolClient) => {
    if (event.streamType !== 'member') return;
    const memberId = (event.data as { memberId: string }).memberId;
    const { rows } = await tx.query<{ state: Member }>(READ, [memberId]);
    const member = memberDecider.evolve(
      rows[0]?.state ?? memberDecider.initialState(),
      event as unknown as MemberEvent,
    );
    if (member.status === 'None') return;
    await tx.query(UPSERT, [
      member.memberId,
      member.unionId,
      holderOf(member),
      STATUS[member.status],
      member.name,
      member.joinedOn,
      member.since,
      member.branchId ?? null,
      member,
    ]);
  },
};
