import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePort } from './free-port';

/** A PostgreSQL cluster of one suite's own, for tests that restart it. */
export interface OwnPostgres {
  /** The cluster's maintenance database, as `TEST_POSTGRES_ADMIN_URL` would give it. */
  adminUrl: string;
  /** Stops it in immediate mode (no clean shutdown, as a crash or failover) and starts it again. */
  restart(): void;
  /** Stops it and deletes its files. */
  stop(): void;
}

const BIN = process.env['TEST_POSTGRES_BIN'] ?? '/usr/lib/postgresql/15/bin';

/**
 * Creates and starts a cluster in a temporary folder on a free port (initdb + pg_ctl), so that a
 * test can restart PostgreSQL without touching the server other suites share. PostgreSQL refuses
 * to run as root: as root, the cluster belongs to the `postgres` OS user.
 */
export const startOwnPostgres = async (): Promise<OwnPostgres> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, -1);
  }
  const run = (program: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : path.join(BIN, program),
      asRoot ? ['-u', 'postgres', '--', path.join(BIN, program), ...args] : args,
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  const port = await freePort();
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c max_connections=200',
  ].join(' ');
  const pgCtl = (...args: string[]) =>
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', options, ...args]);
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  pgCtl('start');

  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => pgCtl('-m', 'immediate', 'restart'),
    stop: () => {
      pgCtl('-m', 'immediate', 'stop');
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
