import type { EventEnvelope } from '@taizhang/contracts';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import {
  directoryMigrations,
  isActiveMember,
  membershipOn,
  projectMemberDirectory,
} from '../../src';
import { memberEvents } from '../members';

describe('the member directory', () => {
  let db: TestDatabase;
  const project = async (...events: EventEnvelope[]) => {
    const tx = await db.pool.connect();
    try {
      await tx.query('BEGIN');
      for (const event of events) await projectMemberDirectory(tx, event);
      await tx.query('COMMIT');
    } finally {
      tx.release();
    }
  };
  const active = (member: string, unit: string, day: string) =>
    isActiveMember(db.pool, member, unit, day);

  beforeAll(async () => {
    db = await createTestDatabase(directoryMigrations);
  });
  afterAll(() => db.drop());

  it('answers "active member of U on D" across join, transfer, retention and leave', async () => {
    const m = memberEvents('m1');
    await project(
      m.joined('u1', '2021-03-01'),
      m.transferred(2, 'u1', 'u2', '2023-01-01'),
      m.retained(3, 'u2', 's1', '2024-01-01'),
      m.left(4, 'u2', '2025-01-01'),
    );

    expect(await active('m1', 'u1', '2021-02-28')).toBe(false);
    expect(await active('m1', 'u1', '2021-03-01')).toBe(true);
    expect(await active('m1', 'u1', '2023-01-01')).toBe(false);
    expect(await active('m1', 'u2', '2023-01-01')).toBe(true);
    expect(await active('m1', 'u2', '2024-01-01')).toBe(false);
    expect(await membershipOn(db.pool, 'm1', '2024-06-01')).toEqual({
      memberId: 'm1',
      status: 'retained',
      unitId: 's1',
      holderKind: 'federation',
      since: '2024-01-01',
      joinedOn: '2021-03-01',
      gender: 'female',
      migrantWorker: true,
      employmentForm: 'new_form',
      personalDataErased: false,
    });
    expect((await membershipOn(db.pool, 'm1', '2025-01-01'))?.status).toBe('left');
    expect(await membershipOn(db.pool, 'm1', '2020-01-01')).toBeNull();
    expect(await membershipOn(db.pool, 'nobody', '2024-01-01')).toBeNull();
  });

  it('comes out the same when the events of two unions arrive out of order, and again', async () => {
    const m = memberEvents('m2');
    const events = [
      m.joined('u1', '2021-03-01'),
      m.transferred(2, 'u1', 'u2', '2023-01-01'),
      m.left(3, 'u2', '2025-01-01'),
    ];
    await project(events[2]!, events[1]!, events[0]!, ...events);

    expect(await active('m2', 'u1', '2022-12-31')).toBe(true);
    expect(await active('m2', 'u2', '2024-12-31')).toBe(true);
    expect(await active('m2', 'u2', '2025-01-01')).toBe(false);
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM directory_member_steps WHERE member_id = 'm2'`,
    );
    expect(rows[0]?.n).toBe(3);
  });

  it('keeps a retained membership moved by a merger retained, and an erasure that came first', async () => {
    const m = memberEvents('m3');
    // The erasure travels on another partition than the join: here it comes first.
    await project(
      m.erased(4),
      m.joined('u1', '2021-03-01'),
      m.retained(2, 'u1', 'u1', '2022-01-01'),
      m.transferred(3, 'u1', 'u2', '2023-01-01', true),
    );

    expect(await membershipOn(db.pool, 'm3', '2023-06-01')).toMatchObject({
      status: 'retained',
      unitId: 'u2',
      holderKind: 'union',
      personalDataErased: true,
    });
    expect(await active('m3', 'u2', '2023-06-01')).toBe(false);
  });

  it('keeps nothing of the encrypted personal data', async () => {
    const { rows } = await db.pool.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
       WHERE table_name IN ('directory_members', 'directory_member_steps')`,
    );

    expect(rows.map((r) => r.column_name)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/name|id_card|phone|birth/)]),
    );
  });
});
