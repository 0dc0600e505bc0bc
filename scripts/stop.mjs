#!/usr/bin/env node
// `npm run stop`: stops the supervisor first (so that nothing is restarted), which stops the
// services it keeps; then any service left from a pid file, then the Kafka broker, but only a
// broker this project started. Builtins only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { commandLineOf, isAlive, stopProcess } from './processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(process.env.TAIZHANG_DATA_DIR ?? path.join(root, '.data'));
const runDir = path.join(dataDir, 'run');
const stopTimeoutMs = 20_000;
const SUPERVISOR = 'supervisor';

/** Stops the process of a pid file if it is still ours (its command line contains `mark`). */
const stopFromPidFile = async (name, pidFile, mark, timeoutMs) => {
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  // The pid may belong to another program by now (after a reboot); only stop our own.
  if (!Number.isInteger(pid) || !isAlive(pid) || !commandLineOf(pid).includes(mark)) {
    fs.rmSync(pidFile, { force: true });
    console.log(`stop: ${name} was not running`);

    return;
  }
  if (await stopProcess(pid, timeoutMs))
    console.log(`stop: ${name} still ran after ${timeoutMs / 1000}s; killed it`);
  fs.rmSync(pidFile, { force: true });
  console.log(`stop: ${name} stopped (pid ${pid})`);
};

const supervisorPidFile = path.join(runDir, `${SUPERVISOR}.pid`);
const pidFilesIn = () =>
  fs.existsSync(runDir) ? fs.readdirSync(runDir).filter((file) => file.endsWith('.pid')) : [];
if (pidFilesIn().length === 0) console.log('stop: no services were started by npm start');
// The supervisor stops its services itself: give it their time to stop and a little more.
if (fs.existsSync(supervisorPidFile))
  await stopFromPidFile(
    SUPERVISOR,
    supervisorPidFile,
    'scripts/supervisor.mjs',
    stopTimeoutMs + 5_000,
  );
await Promise.all(
  pidFilesIn().map((file) => {
    const name = path.basename(file, '.pid');

    return stopFromPidFile(name, path.join(runDir, file), `services/${name}/`, stopTimeoutMs);
  }),
);
const kafka = spawnSync(process.execPath, [path.join(root, 'infra/kafka/kafka.mjs'), 'stop'], {
  stdio: 'inherit',
});
process.exitCode = kafka.status ?? 1;
