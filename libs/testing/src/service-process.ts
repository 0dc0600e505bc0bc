import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

import { freePort } from './free-port';

const REPO_ROOT = path.resolve(__dirname, '../../..');

const LISTEN = '0A';

/**
 * Whether process `pid` holds the listening socket of `port` (from /proc, Linux); `undefined`
 * where /proc cannot tell. A free port can be taken by another suite's service between our
 * probe and our child's listen(): that one would answer our health checks in our child's place.
 */
const listensOn = (pid: number, port: number): boolean | undefined => {
  try {
    const sockets = new Set(
      readdirSync(`/proc/${pid}/fd`).map((fd) => {
        try {
          return readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          return '';
        }
      }),
    );
    for (const table of ['/proc/net/tcp6', '/proc/net/tcp'])
      for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
        const columns = line.trim().split(/\s+/);
        const localPort = parseInt(columns[1]?.split(':')[1] ?? '', 16);
        if (columns[3] === LISTEN && localPort === port && sockets.has(`socket:[${columns[9]}]`))
          return true;
      }

    return false;
  } catch {
    return undefined;
  }
};

let built = false;

/**
 * Builds dist/ unless it is up to date (scripts/build.mjs), once per test process. `npm test`
 * builds before Jest starts, so here this is the cheap check, or the build of an `npx jest` run.
 */
const ensureBuilt = (): void => {
  if (built) return;
  const result = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts/build.mjs'), '--quiet'],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0)
    throw new Error(`scripts/build.mjs failed:\n${result.stdout}${result.stderr}`);
  built = true;
};

/**
 * Node's arguments for a service: its built output, as `npm start` runs it; or, with
 * SERVICES_FROM=sources, its TypeScript compiled at start-up with source maps on (how services ran
 * before dist/), which the wrk benchmark compares (infra/bench/wrk.ts).
 */
const serviceCommand = (service: string): string[] => {
  if (process.env['SERVICES_FROM'] === 'sources')
    return [
      '--enable-source-maps',
      '-r',
      '@swc-node/register',
      path.join(REPO_ROOT, `services/${service}/src/main.ts`),
    ];
  ensureBuilt();

  return [path.join(REPO_ROOT, `dist/services/${service}/src/main.js`)];
};

export interface ServiceProcess {
  url: string;
  /** Its process id (the wrk benchmark reads its CPU time). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Runs a service as its own process from its built output (`node dist/services/<name>/src/main.js`),
 * as `npm start` does, and waits until it is ready.
 */
export const startServiceProcess = async (
  service: string,
  env: Record<string, string>,
): Promise<ServiceProcess> => {
  // A port taken by someone else in the meantime makes the child exit: try another one.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnFreePort(service, env);
    } catch (error) {
      if (!(error instanceof PortLostError) || attempt === 3) throw error;
    }
  }
};

class PortLostError extends Error {}

const startOnFreePort = async (
  service: string,
  env: Record<string, string>,
): Promise<ServiceProcess> => {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, serviceCommand(service), {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: path.join(REPO_ROOT, 'tsconfig.base.json'),
      LOG_LEVEL: 'error',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      if (isTaken(port)) throw new PortLostError(`${service} lost port ${port}`);
      throw new Error(`${service} exited with ${child.exitCode} while starting`);
    }
    const ready = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    // Ready only once the answer comes from our child, not from whoever else took the port.
    if (ready && listensOn(child.pid!, port) !== false) break;
    if (Date.now() > deadline) throw new Error(`${service} did not become ready in 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        // A child that has exited already (it crashed) sends no 'exit' again.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
};

// Someone listens on the port (our child did not).
const isTaken = (port: number): boolean => {
  try {
    for (const table of ['/proc/net/tcp6', '/proc/net/tcp'])
      for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
        const columns = line.trim().split(/\s+/);
        if (columns[3] === LISTEN && parseInt(columns[1]?.split(':')[1] ?? '', 16) === port)
          return true;
      }
  } catch {
    return false;
  }

  return false;
};
