#!/usr/bin/env node
// Keeps the services `npm start` started running, as a process manager would: a service that
// exits is started again after a delay that doubles from 1 s to 30 s and falls back to 1 s once
// it ran for a minute; every exit and restart is written to the service's log and to
// <data>/logs/supervisor.log. Started detached by scripts/start.mjs with a plan file
// (`node scripts/supervisor.mjs <plan.json>`), read once and deleted (it holds the services'
// environment). SIGTERM (npm run stop) ends the restarts first, then stops every service.
// Builtins only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';


const [planFile] = process.argv.slice(2);
if (!planFile) {
  console.error('usage: node scripts/supervisor.mjs <plan.json>');
  process.exit(2);
}
/**
 * The plan: { runDir, logFile, backoff?: { initialMs, maxMs, healthyMs },
 *   services: [{ name, command: [file, ...args], cwd, env, logFile }] }
 */
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
fs.rmSync(planFile, { force: true });
const { initialMs = 1_000, maxMs = 30_000, healthyMs = 60_000 } = plan.backoff ?? {};
const supervisorPidFile = path.join(plan.runDir, 'supervisor.pid');

const log = (line, serviceLog) => {
  const stamped = `[supervisor] ${new Date().toISOString()} ${line}\n`;
  fs.appendFileSync(plan.logFile, stamped);
  if (serviceLog) fs.appendFileSync(serviceLog, stamped);
};

let stopping = false;
const running = new Map();
const timers = new Set();

const start = (service, attempt) => {
  const out = fs.openSync(service.logFile, 'a');
  const [file, ...args] = service.command;
  const child = spawn(file, args, {
    cwd: service.cwd,
    env: service.env,
    // Its own process group: stopping the supervisor's terminal does not reach it.
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const startedAt = Date.now();
  running.set(service.name, child);
  fs.writeFileSync(path.join(plan.runDir, `${service.name}.pid`), `${child.pid}\n`);
  log(
    `${service.name} started (pid ${child.pid}${attempt > 0 ? `, restart ${attempt}` : ''})`,
    service.logFile,
  );
  let ended = false;
  const exited = (how) => {
    // A child that could not start may report both 'error' and 'exit': one restart only.
    if (ended) return;
    ended = true;
    running.delete(service.name);
    if (stopping) return;
    // A service that ran for a while had a healthy spell: its next delay starts from the beginning.
    const ranFor = Date.now() - startedAt;
    const failures = ranFor >= healthyMs ? 0 : (service.failures ?? 0);
    const delay = Math.min(initialMs * 2 ** failures, maxMs);
    service.failures = failures + 1;
    log(
      `${service.name} (pid ${child.pid}) exited ${how} after ${(ranFor / 1000).toFixed(1)} s; restarting in ${delay / 1000} s`,
      service.logFile,
    );
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopping) start(service, attempt + 1);
    }, delay);
    timers.add(timer);
  };
  child.on('error', (error) => exited(`without starting (${error.message})`));
  child.on('exit', (code, signal) => exited(signal ? `on ${signal}` : `with code ${code}`));
};

/**
 * SIGTERM, then SIGKILL if the child still runs after `timeoutMs`; resolves on its 'exit', when
 * this process has collected it: a child left unreaped would outlive the supervisor as a zombie.
 */
const stopChild = (child, timeoutMs = 20_000) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();

      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });

const stopAll = async (signal) => {
  if (stopping) return;
  stopping = true;
  for (const timer of timers) clearTimeout(timer);
  log(`${signal}: no more restarts; stopping ${[...running.keys()].join(', ') || 'nothing'}`);
  await Promise.all(
    [...running.entries()].map(async ([name, child]) => {
      await stopChild(child);
      fs.rmSync(path.join(plan.runDir, `${name}.pid`), { force: true });
      log(`${name} stopped (pid ${child.pid})`);
    }),
  );
  // Services waiting for their restart have a pid file too.
  for (const service of plan.services)
    fs.rmSync(path.join(plan.runDir, `${service.name}.pid`), { force: true });
  fs.rmSync(supervisorPidFile, { force: true });
  log('supervisor stopped');
  process.exit(0);
};

process.on('SIGTERM', () => void stopAll('SIGTERM'));
process.on('SIGINT', () => void stopAll('SIGINT'));
fs.mkdirSync(plan.runDir, { recursive: true });
fs.writeFileSync(supervisorPidFile, `${process.pid}\n`);
log(`supervisor started (pid ${process.pid}) for ${plan.services.map((s) => s.name).join(', ')}`);
for (const service of plan.services) start(service, 0);
