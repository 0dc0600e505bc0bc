import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { PostgresEventStore } from '@taizhang/event-store';
import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { MasterKeyRingSource, parseMasterKeyRing } from '../../config/master-key-ring';
import type { OrganisationConfig } from '../../config/organisation.config';
import { organisationMigrations } from '../../organisation.migrations';
import { encryptValue } from './aes-gcm';
import { rotateMasterKey } from './master-key-rotation';
import { newPersonKey } from './person-key';
import { PersonalDataVault } from './personal-data-vault';

// Real PostgreSQL: persons' keys re-wrapped under a new master key, a run stopped part-way and
// taken up again, and every sealed value still opens through the vault afterwards.
describe('rotating the master key (npm run keys -- rotate)', () => {
  let database: TestDatabase;
  let dir: string;
  const ringFile = () => path.join(dir, 'master-keys');
  const vaultOn = (source: MasterKeyRingSource) =>
    new PersonalDataVault(
      { personalData: { masterKeys: source, indexKey: randomBytes(32) } } as OrganisationConfig,
      { pool: database.pool } as PostgresEventStore,
    );
  const masterIds = async () =>
    (
      await database.pool.query<{ master_key_id: string; n: number }>(
        'SELECT master_key_id, count(*)::int AS n FROM person_keys GROUP BY 1 ORDER BY 1',
      )
    ).rows;

  beforeAll(async () => {
    database = await createTestDatabase(organisationMigrations, { poolSize: 4 });
  });
  afterAll(() => database?.drop());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'taizhang-rotation-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('re-wraps every person’s key, goes on after a run stopped part-way, and forgets the old key only when unused', async () => {
    fs.writeFileSync(ringFile(), `first:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    const source = new MasterKeyRingSource({ file: ringFile() });
    const vault = vaultOn(source);
    // 25 persons, their keys wrapped under "first", one value sealed under each.
    const persons = Array.from({ length: 25 }, (_, n) => {
      const key = newPersonKey();

      return {
        key,
        value: encryptValue(key.key, key.keyId, 'phone', `1380000${String(n).padStart(4, '0')}`),
        n,
      };
    });
    const client = await database.pool.connect();
    try {
      await vault.saveKeys(
        client,
        persons.map(({ key }, n) => ({ key, memberId: `member-${n}`, now: new Date() })),
      );
    } finally {
      client.release();
    }
    expect(await masterIds()).toEqual([{ master_key_id: 'first', n: 25 }]);

    // The first run stops (a crash) after its first committed batch.
    await expect(
      rotateMasterKey({
        pool: database.pool,
        ringFile: ringFile(),
        batchSize: 10,
        onProgress: ({ done }) => {
          if (done >= 10) throw new Error('crashed');
        },
      }),
    ).rejects.toThrow('crashed');
    const afterCrash = parseMasterKeyRing(fs.readFileSync(ringFile(), 'utf8'));
    const second = afterCrash.current.id;
    expect(afterCrash.keys.map((key) => key.id)).toEqual([second, 'first']);
    expect(await masterIds()).toEqual(
      [
        { master_key_id: 'first', n: 15 },
        { master_key_id: second, n: 10 },
      ].sort((a, b) => a.master_key_id.localeCompare(b.master_key_id)),
    );
    // Half-way, the service opens both kinds and wraps new keys under the new master key.
    for (const { key, value, n } of persons) {
      const found = await vault.findKey(key.keyId);
      expect(found.status === 'found' && vault.open(found.key, 'phone', value)).toBe(
        `1380000${String(n).padStart(4, '0')}`,
      );
    }
    expect(source.ring().current.id).toBe(second);

    // The next run goes on with the same new key and leaves nothing under the old one.
    const progress: number[] = [];
    const resumed = await rotateMasterKey({
      pool: database.pool,
      ringFile: ringFile(),
      batchSize: 10,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(resumed).toEqual({
      current: second,
      started: false,
      rewrapped: 15,
      forgotten: ['first'],
    });
    expect(progress).toEqual([0, 10, 15]);
    expect(await masterIds()).toEqual([{ master_key_id: second, n: 25 }]);
    expect(parseMasterKeyRing(fs.readFileSync(ringFile(), 'utf8')).keys.map((k) => k.id)).toEqual([
      second,
    ]);
    expect(fs.statSync(ringFile()).mode & 0o777).toBe(0o600);
    for (const { key, value, n } of persons) {
      const found = await vaultOn(new MasterKeyRingSource({ file: ringFile() })).findKey(key.keyId);
      expect(found.status === 'found' && vault.open(found.key, 'phone', value)).toBe(
        `1380000${String(n).padStart(4, '0')}`,
      );
    }

    // A run with nothing left under an older key starts a new rotation.
    const next = await rotateMasterKey({ pool: database.pool, ringFile: ringFile() });
    expect(next).toMatchObject({ started: true, rewrapped: 25, forgotten: [second] });
  });
});
