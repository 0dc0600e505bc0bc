import { randomUUID } from 'node:crypto';

import type { Pool, PoolClient } from 'pg';

import type { EventEnvelope } from '@taizhang/contracts';

import type { TimelineStep } from '../as-of';
import { projectMemberTimeline, timelineStep } from '../as-of';
import { projectOrganisationEvent } from '../organisation-event.projection';

/** The size of the region: DESIGN §10's one city. */
export interface RegionShape {
  districts: number;
  streetsPerDistrict: number;
  unionsPerStreet: number;
  membersPerUnion: number;
}

export const LARGE_REGION: RegionShape = {
  districts: 10,
  streetsPerDistrict: 20,
  unionsPerStreet: 50,
  membersPerUnion: 100,
};

export interface SeededRegion {
  municipalId: string;
  aUnionId: string;
  unions: number;
  members: number;
  /** A street moved to another district on this date, so past dates differ from now. */
  movedOn: string;
}

const envelope = (
  type: string,
  unitId: string,
  orgPath: string,
  version: number,
  data: object,
  recordedAt = '2026-01-01T00:00:00.000Z',
): EventEnvelope => ({
  eventId: randomUUID(),
  type,
  schemaVersion: type === 'MemberJoined' ? 2 : 1,
  service: 'organisation',
  streamId: `seed-${unitId}`,
  streamType: 'seed',
  streamVersion: version,
  position: '0',
  occurredAt: '2026-01-01T00:00:00.000Z',
  recordedAt,
  orgUnitId: unitId,
  orgPath,
  actor: { id: 'seed', role: 'admin' },
  correlationId: 'seed-large-region',
  causationId: null,
  commandId: null,
  data,
});

// A small deterministic generator, so that every run builds the same region.
const random = (seed: number) => {
  let state = seed;

  return (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;

    return state / 2_147_483_648;
  };
};

const FIRST_DAY = Date.UTC(2016, 0, 1);
const DAYS = 3_800;
const dayAfter = (start: number, days: number) =>
  new Date(start + days * 86_400_000).toISOString().slice(0, 10);

const ANALYZE =
  'ANALYZE org_placements, org_paths, unit_deltas, subtree_deltas, union_life, member_timeline, employer_facts, employer_headcounts, org_unit_facts';

const inTransactions = async (
  pool: Pool,
  items: readonly EventEnvelope[],
  size: number,
  apply: (events: readonly EventEnvelope[], tx: PoolClient) => Promise<void>,
) => {
  for (let i = 0; i < items.length; i += size) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await apply(items.slice(i, i + size), client);
      await client.query('COMMIT');
      // Tables that grow from empty: without fresh statistics the planner keeps scanning them.
      await client.query(ANALYZE);
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
};

/**
 * Builds a region in reporting's read model through the consumer's own projections: the tree,
 * unions (each founded covering one employer of the registry) and employers event by event, the
 * members' joins, transfers and leavings as timeline steps in large batches (the statement the
 * consumer runs for one event takes thousands at once). One street moves to another district.
 */
export const seedLargeRegion = async (
  pool: Pool,
  shape: RegionShape = LARGE_REGION,
  log: (line: string) => void = () => undefined,
): Promise<SeededRegion> => {
  const next = random(20_260_101);
  const tree: EventEnvelope[] = [];
  // Paths as organisation writes them (`m/d1/d1s1/…`): the scope check reads them.
  const unit = (id: string, kind: string, parentPath: string | null): string => {
    const orgPath = parentPath ? `${parentPath}/${id}` : id;
    const parentId = parentPath?.split('/').at(-1) ?? null;
    tree.push(
      envelope('OrgUnitCreated', id, orgPath, 1, {
        orgUnitId: id,
        code: id,
        name: `${id}工会`,
        kind,
        parentId,
        orgPath,
      }),
    );

    return orgPath;
  };
  const municipalPath = unit('m', 'municipal', null);
  const unions: { id: string; street: string; streetPath: string; path: string }[] = [];
  for (let d = 1; d <= shape.districts; d += 1) {
    const districtPath = unit(`d${d}`, 'district', municipalPath);
    for (let s = 1; s <= shape.streetsPerDistrict; s += 1) {
      const street = `d${d}s${s}`;
      const streetPath = unit(street, 'street', districtPath);
      for (let u = 1; u <= shape.unionsPerStreet; u += 1) {
        const id = `${street}u${u}`;
        unions.push({ id, street, streetPath, path: `${streetPath}/${id}` });
      }
    }
  }
  const others: EventEnvelope[] = [];
  for (const { id, street, streetPath, path: unionPath } of unions) {
    const employerId = `E-${id}`;
    const employerPath = `${streetPath}/${employerId}`;
    others.push(
      envelope('EmployerRegistered', employerId, employerPath, 1, {
        employerId,
        creditCode: employerId,
        name: `${id}公司`,
        kind: 'enterprise',
        streetId: street,
        orgPath: employerPath,
        registeredOn: '2015-06-01',
        headcount: shape.membersPerUnion + 20 + Math.floor(next() * 40),
        femaleHeadcount: 30,
        migrantHeadcount: 10,
        newFormHeadcount: 5,
      }),
      envelope('UnionEstablished', id, unionPath, 1, {
        unionId: id,
        name: `${id}工会`,
        parentId: street,
        orgPath: unionPath,
        establishedOn: '2015-12-01',
        employerIds: [employerId],
        congress: { entitledVoters: 30, present: 25 },
        committee: [{ name: '主席', post: 'chair' }],
        termYears: 5,
        termEndsOn: '2030-11-30',
      }),
    );
  }
  const movedOn = '2025-01-01';
  others.push(
    envelope('OrgUnitMoved', 'd1s1', 'm/d2/d1s1', 2, {
      orgUnitId: 'd1s1',
      unitKind: 'federation',
      previousParentId: 'd1',
      parentId: 'd2',
      previousOrgPath: 'm/d1/d1s1',
      orgPath: 'm/d2/d1s1',
      effectiveOn: movedOn,
    }),
  );
  let started = Date.now();
  await inTransactions(pool, [...tree, ...others], 500, async (events, tx) => {
    for (const event of events) await projectOrganisationEvent(event, tx);
  });
  log(`tree, ${unions.length} unions and employers: ${(Date.now() - started) / 1000} s`);

  started = Date.now();
  let members = 0;
  const batch: TimelineStep[] = [];
  const flush = async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await projectMemberTimeline(batch.splice(0), client);
      await client.query('COMMIT');
      if (members % 100_000 < 20_000) await client.query(ANALYZE);
    } finally {
      client.release();
    }
  };
  for (const [index, { id, path: unionPath }] of unions.entries()) {
    for (let n = 0; n < shape.membersPerUnion; n += 1) {
      const memberId = `${id}p${n}`;
      const day = Math.floor(next() * DAYS);
      // Entered days after the fact, mostly a few (figures as known at an instant, lateness);
      // from the member's place, not the generator, so the region stays the same.
      const lag = Math.floor(((n * 37 + index * 11) % 100) ** 2 / 250);
      const recorded = (on: string) => `${dayAfter(Date.parse(on), lag)}T01:00:00.000Z`;
      const profile = {
        gender: next() < 0.45 ? 'female' : 'male',
        employmentForm: next() < 0.1 ? 'new_form' : 'regular',
        migrantWorker: next() < 0.2,
      };
      const joined = envelope(
        'MemberJoined',
        id,
        unionPath,
        1,
        {
          memberId,
          unionId: id,
          name: '会员',
          joinedOn: dayAfter(FIRST_DAY, day),
          ...profile,
        },
        recorded(dayAfter(FIRST_DAY, day)),
      );
      batch.push(timelineStep(joined, { type: 'MemberJoined', data: joined.data } as never));
      const fate = next();
      const later = dayAfter(FIRST_DAY, day + 1 + Math.floor(next() * (DAYS - day)));
      if (fate < 0.03) {
        const to = unions[(index + 1) % unions.length]!;
        const moved = envelope(
          'MemberTransferred',
          to.id,
          to.path,
          2,
          {
            memberId,
            fromUnionId: id,
            toUnionId: to.id,
            transferredOn: later,
            joinedOn: dayAfter(FIRST_DAY, day),
            ...profile,
          },
          recorded(later),
        );
        batch.push(timelineStep(moved, { type: 'MemberTransferred', data: moved.data } as never));
      } else if (fate < 0.08) {
        const left = envelope(
          'MemberLeft',
          id,
          unionPath,
          2,
          {
            memberId,
            unionId: id,
            reason: '离职',
            leftOn: later,
          },
          recorded(later),
        );
        batch.push(timelineStep(left, { type: 'MemberLeft', data: left.data } as never));
      }
      members += 1;
      if (batch.length >= 20_000) await flush();
    }
    if (index % 1000 === 999) log(`${members} members: ${(Date.now() - started) / 1000} s`);
  }
  if (batch.length > 0) await flush();
  log(`${members} members: ${(Date.now() - started) / 1000} s`);
  // Vacuumed, so that the range sums read the covering index alone (autovacuum would, later).
  await pool.query('VACUUM (ANALYZE)');

  return { municipalId: 'm', aUnionId: unions[0]!.id, unions: unions.length, members, movedOn };
};
