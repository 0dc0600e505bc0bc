import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { eventually } from '@taizhang/testing';

import { REPO_ROOT } from '../services';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);

    return true;
  } catch {
    return false;
  }
};

// scripts/supervisor.mjs as npm start runs it (detached, with a plan), on two tiny programs: one
// that crashes at once, one that keeps running; npm run stop (scripts/stop.mjs) ends them all.
describe('the supervisor of npm start', () => {
  let dataDir: string;
  const runDir = () => path.join(dataDir, 'run');
  const logOf = (name: string) => path.join(dataDir, 'logs', `${name}.log`);
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
  const pidOf = (name: string) => Number(read(path.join(runDir(), `${name}.pid`)).trim());

  const supervise = (backoff: { initialMs: number; maxMs: number; healthyMs: number }) => {
    fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
    fs.mkdirSync(runDir(), { recursive: true });
    const program = (name: string, code: string) => {
      const file = path.join(dataDir, `${name}.js`);
      fs.writeFileSync(file, code);

      return {
        name,
        command: [process.execPath, file],
        cwd: dataDir,
        env: {},
        logFile: logOf(name),
      };
    };
    const planFile = path.join(runDir(), 'plan.json');
    fs.writeFileSync(
      planFile,
      JSON.stringify({
        runDir: runDir(),
        logFile: logOf('supervisor'),
        backoff,
        services: [
          program('crasher', "console.log('crasher ran'); process.exit(3);"),
          program('steady', 'setInterval(() => undefined, 1000);'),
        ],
      }),
    );
    const supervisor = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts/supervisor.mjs'), planFile],
      {
        detached: true,
        stdio: 'ignore',
      },
    );
    supervisor.unref();

    return supervisor.pid!;
  };
  // Not spawnSync: this process must go on collecting the supervisor it started when it exits.
  const stop = () =>
    new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [path.join(REPO_ROOT, 'scripts/stop.mjs')],
        { env: { ...process.env, TAIZHANG_DATA_DIR: dataDir }, encoding: 'utf8' },
        (error, stdout) =>
          error ? reject(new Error(`stop failed: ${error.message}`)) : resolve(stdout),
      ),
    );
  const restartDelays = (log: string) =>
    [
      ...log.matchAll(
        /crasher \(pid \d+\) exited with code 3 after [\d.]+ s; restarting in ([\d.]+) s/g,
      ),
    ].map((match) => Number(match[1]));

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(tmpdir(), 'taizhang-supervisor-'));
  });
  afterEach(() => {
    // Whatever a failed test left running.
    for (const name of ['supervisor', 'crasher', 'steady']) {
      const pid = pidOf(name);
      if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts a crashed service with a doubling delay up to the cap, logs each restart, and npm run stop ends it all', async () => {
    const supervisor = supervise({ initialMs: 20, maxMs: 80, healthyMs: 60_000 });
    const log = await eventually(
      () => Promise.resolve(read(logOf('crasher'))),
      (text) => restartDelays(text).length >= 5,
    );
    expect(restartDelays(log).slice(0, 5)).toEqual([0.02, 0.04, 0.08, 0.08, 0.08]);
    expect(log).toContain('crasher ran');
    expect(log).toMatch(/\[supervisor\] \S+ crasher started \(pid \d+, restart 3\)/);
    expect(restartDelays(read(logOf('supervisor'))).length).toBeGreaterThanOrEqual(5);
    const steady = pidOf('steady');
    expect(alive(steady)).toBe(true);

    const stopped = await stop();
    expect(stopped).toContain(`stop: supervisor stopped (pid ${supervisor})`);
    expect(alive(supervisor)).toBe(false);
    expect(alive(steady)).toBe(false);
    expect(fs.readdirSync(runDir()).filter((file) => file.endsWith('.pid'))).toEqual([]);
    // Nothing was started after the supervisor was told to stop.
    const supervisorLog = read(logOf('supervisor'));
    const told = supervisorLog.indexOf('SIGTERM: no more restarts');
    expect(told).toBeGreaterThan(0);
    expect(supervisorLog.slice(told)).not.toMatch(/ started \(pid/);
  });

  it('starts again from the first delay after a healthy spell', async () => {
    // Every run counts as healthy: each exit is followed by the first delay, never a longer one.
    supervise({ initialMs: 20, maxMs: 80, healthyMs: 0 });
    const log = await eventually(
      () => Promise.resolve(read(logOf('crasher'))),
      (text) => restartDelays(text).length >= 3,
    );
    expect(restartDelays(log).slice(0, 3)).toEqual([0.02, 0.02, 0.02]);
    await stop();
  });
});
