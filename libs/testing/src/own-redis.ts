import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';

import Redis from 'ioredis';

import { eventually } from './eventually';
import { freePort } from './free-port';

/** A Redis server of one suite's own, for tests that stop it and start it again. */
export interface OwnRedis {
  url: string;
  /** Stops the server (its data is gone: it keeps nothing on disk). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

const answers = async (url: string): Promise<boolean> => {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();

    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
};

/** Runs `redis-server` on a free port without persistence, so that a test can take it away. */
export const startOwnRedis = async (): Promise<OwnRedis> => {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | undefined;
  const start = async () => {
    server = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    if (!(await eventually(() => answers(url), Boolean)))
      throw new Error(`redis-server did not answer on port ${port}`);
  };
  await start();

  return {
    url,
    start,
    stop: () =>
      new Promise((resolve) => {
        if (!server || server.exitCode !== null || server.signalCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
};
