#!/usr/bin/env node
// `npm run stop`: stops the services started by `npm start` (their pid files), then the Kafka
// broker, but only a broker this project started. Builtins only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { commandLineOf, isAlive, sleep } from './processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(process.env.TAIZHANG_DATA_DIR ?? path.join(root, '.data'));
const runDir = path.join(dataDir, 'run');
const stopTimeoutMs = 20_000;

const stopService = async (name, pidFile) => {
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  // The pid may belong to another program by now (after a reboot); only stop our service.
  if (
    !Number.isInteger(pid) ||
    !isAlive(pid) ||
    !commandLineOf(pid).includes(`services/${name}/`)
  ) {
    fs.rmSync(pidFile, { force: true });
    console.log(`stop: ${name} was not running`);

    return;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + stopTimeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) {
    console.log(`stop: ${name} still runs after ${stopTimeoutMs / 1000}s; killing it`);
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(100);
  }
  fs.rmSync(pidFile, { force: true });
  console.log(`stop: ${name} stopped (pid ${pid})`);
};

const pidFiles = fs.existsSync(runDir)
  ? fs.readdirSync(runDir).filter((file) => file.endsWith('.pid'))
  : [];
await Promise.all(
  pidFiles.map((file) => stopService(path.basename(file, '.pid'), path.join(runDir, file))),
);
if (pidFiles.length === 0) console.log('stop: no services were started by npm start');
const kafka = spawnSync(process.execPath, [path.join(root, 'infra/kafka/kafka.mjs'), 'stop'], {
  stdio: 'inherit',
});
process.exitCode = kafka.status ?? 1;
