import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { TestDatabase } from '@taizhang/testing';
import { createTestDatabase } from '@taizhang/testing';

import { adminExists, adminPassword } from './first-admin';

// What npm start says about the admin must be true on the first start and on every later one.
describe('the admin npm start tells about', () => {
  let database: TestDatabase;
  let dir: string;
  const keptFile = () => path.join(dir, 'admin-password');
  const decide = (exists: boolean, given?: string) =>
    adminPassword({ exists, given, keptFile: keptFile(), shownFile: '.data/admin-password' });

  beforeAll(async () => {
    database = await createTestDatabase([]);
  });
  afterAll(() => database?.drop());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'taizhang-admin-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds no admin before the gateway created its tables, then the one it created', async () => {
    expect(await adminExists(database.url)).toBe(false);
    const missing = new URL(database.url);
    missing.pathname = `/${database.name}_missing`;
    expect(await adminExists(missing.toString())).toBe(false);
    await database.pool.query('CREATE TABLE gateway_users (username text, role text)');
    await database.pool.query("INSERT INTO gateway_users VALUES ('someone', 'auditor')");
    expect(await adminExists(database.url)).toBe(false);
    await database.pool.query("INSERT INTO gateway_users VALUES ('admin', 'admin')");
    expect(await adminExists(database.url)).toBe(true);
  });

  it('generates a password once, on the start that creates the admin, and keeps it (mode 600)', () => {
    const first = decide(false);
    expect(first.generated).toBe(true);
    expect(first.message).toBe(
      `The first admin "admin" was created with the password ${first.password} (kept in .data/admin-password).`,
    );
    expect(fs.readFileSync(keptFile(), 'utf8').trim()).toBe(first.password);
    expect(fs.statSync(keptFile()).mode & 0o777).toBe(0o600);
  });

  it('on a later start says the password is the one set earlier, and where it was kept', () => {
    const first = decide(false);
    const second = decide(true);
    expect(second).toEqual({
      password: first.password,
      generated: false,
      message:
        'The admin "admin" already existed: its password is the one set when it was created (kept in .data/admin-password).',
    });
  });

  it('never invents a password for an admin created with TAIZHANG_ADMIN_PASSWORD at its first start', () => {
    expect(decide(false, 'given-at-first').message).toBe(
      'The first admin "admin" was created with the password in TAIZHANG_ADMIN_PASSWORD.',
    );
    const later = decide(true);
    expect(later.password).toBeUndefined();
    expect(later.generated).toBe(false);
    expect(later.message).toMatch(/already existed.*not kept here/);
    expect(fs.existsSync(keptFile())).toBe(false);
  });
});
