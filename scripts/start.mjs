#!/usr/bin/env node
// `npm start`: installs what is missing, brings up the infrastructure, builds the services into
// dist/ if a source changed since the last build (scripts/build.mjs), starts each service as its
// own background process (`node dist/services/<name>/src/main.js`) under a supervisor that restarts
// it if it stops (scripts/supervisor.mjs), seeds the demo region (federations, employers, unions, users, members)
// once in demo mode (the default here; never with NODE_ENV=production or TAIZHANG_DEMO=false),
// and prints where everything is and how to sign in.
// Environment: the variables of scripts/setup.mjs, plus KAFKA_BROKERS, REDIS_URL, DATABASE_URL or
// <SERVICE>_DATABASE_URL, SERVICE_START_TIMEOUT_MS (90000), TAIZHANG_ADMIN_PASSWORD (else one is
// generated once and kept in .data/admin-password), TAIZHANG_DEMO, TAIZHANG_DEMO_PASSWORD.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { builtMain, ensureBuilt } from './build.mjs';
import { commandLineOf, isAlive, sleep } from './processes.mjs';
import { REPO_ROOT, requireTs, runTs } from './run-ts.mjs';
import { setup } from './setup.mjs';

const dataDir = path.resolve(process.env.TAIZHANG_DATA_DIR ?? path.join(REPO_ROOT, '.data'));
const logsDir = path.join(dataDir, 'logs');
const runDir = path.join(dataDir, 'run');
const host = '127.0.0.1';
const startTimeoutMs = Number(process.env.SERVICE_START_TIMEOUT_MS ?? 90_000);
const seedFile = 'infra/seed/main.ts';
const adminPasswordFile = path.join(dataDir, 'admin-password');
const personalDataKeysDir = path.join(dataDir, 'keys', 'personal-data');

const relative = (file) => path.relative(process.cwd(), file) || '.';

const answers = (port) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1_000, () => (socket.destroy(), resolve(false)));
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });

const healthy = async (port) => {
  try {
    const response = await fetch(`http://${host}:${port}/health`, {
      signal: AbortSignal.timeout(2_000),
    });

    return response.status === 200;
  } catch {
    return false;
  }
};

const RUN_MARK = '=== npm start';

/** The last lines this run wrote to a log that keeps every run. */
const tail = (file, lines = 40) => {
  if (!fs.existsSync(file)) return '';
  const text = fs.readFileSync(file, 'utf8');
  const run = text.slice(text.indexOf('\n', text.lastIndexOf(RUN_MARK)) + 1);

  return run.trimEnd().split('\n').slice(-lines).join('\n');
};

/** The admin's password for this start, and what is true to say about it (infra/start). */
const adminPassword = async () => {
  const { adminExists, adminPassword: decide } = requireTs('infra/start/first-admin.ts');
  const { serviceDatabases } = requireTs('infra/postgres/databases.ts');
  const gateway = serviceDatabases().find((database) => database.service === 'gateway');
  fs.mkdirSync(dataDir, { recursive: true });

  return decide({
    exists: gateway ? await adminExists(gateway.url) : false,
    given: process.env.TAIZHANG_ADMIN_PASSWORD || undefined,
    keptFile: adminPasswordFile,
    shownFile: relative(adminPasswordFile),
  });
};

/**
 * Organisation's personal-data keys, generated once into the data folder (readable by this user
 * only): the master key ring (`<id>:<base64>`, the current key first; `npm run keys -- rotate`
 * adds the next one) and the blind-index key. The service itself has no built-in keys.
 */
const personalDataKeys = () => {
  const files = {
    PERSONAL_DATA_MASTER_KEYS_FILE: path.join(personalDataKeysDir, 'master-keys'),
    PERSONAL_DATA_INDEX_KEY_FILE: path.join(personalDataKeysDir, 'index-key'),
  };
  fs.mkdirSync(personalDataKeysDir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const contents = {
    PERSONAL_DATA_MASTER_KEYS_FILE: `master-${stamp}-${randomBytes(2).toString('hex')}:${randomBytes(32).toString('base64')}\n`,
    PERSONAL_DATA_INDEX_KEY_FILE: `${randomBytes(32).toString('base64')}\n`,
  };
  for (const [variable, file] of Object.entries(files))
    if (!fs.existsSync(file)) {
      // 'wx': a start running at the same moment that wrote it first wins.
      try {
        fs.writeFileSync(file, contents[variable], { mode: 0o600, flag: 'wx' });
        console.log(
          `start: generated ${relative(file)} (keep it: without it personal data cannot be read)`,
        );
      } catch (error) {
        if (error.code !== 'EEXIST') throw error;
      }
    }

  // Given keys win over the generated files.
  return Object.fromEntries(
    Object.entries(files).filter(
      ([variable]) => !process.env[variable] && !process.env[variable.replace(/_FILE$/, '')],
    ),
  );
};

/** What every service reads from its environment (libs/bootstrap validates it at start). */
const serviceEnv = (service, all, databases, admin, keys) => {
  const database = databases.find((entry) => entry.service === service.name);

  return {
    ...process.env,
    // Each service can find the others, e.g. the gateway routing to them.
    ...Object.fromEntries(
      all.map((other) => [
        `${other.name.toUpperCase().replaceAll('-', '_')}_URL`,
        `http://${host}:${other.port}`,
      ]),
    ),
    SERVICE_NAME: service.name,
    PORT: String(service.port),
    ...(database ? { DATABASE_URL: database.url } : {}),
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? `${host}:${process.env.KAFKA_PORT ?? 9092}`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    // Organisation's personal-data keys: the generated files, unless given.
    ...(service.name === 'organisation' ? keys : {}),
    // Only the gateway creates accounts.
    ...(service.name === 'gateway' && admin.password
      ? { TAIZHANG_ADMIN_PASSWORD: admin.password }
      : {}),
  };
};

const supervisorLog = path.join(logsDir, 'supervisor.log');
const supervisorPidFile = path.join(runDir, 'supervisor.pid');

/** The pid of the supervisor an earlier npm start left running, if it still runs. */
const runningSupervisor = () => {
  if (!fs.existsSync(supervisorPidFile)) return undefined;
  const pid = Number(fs.readFileSync(supervisorPidFile, 'utf8').trim());

  return Number.isInteger(pid) &&
    isAlive(pid) &&
    commandLineOf(pid).includes('scripts/supervisor.mjs')
    ? pid
    : undefined;
};

/**
 * Starts the supervisor (scripts/supervisor.mjs), detached, which starts the services and
 * restarts any that exits; its plan holds the services' environment, so only this user reads it.
 */
const startSupervisor = (services) => {
  const planFile = path.join(runDir, `supervisor-plan-${process.pid}.json`);
  const plan = {
    runDir,
    logFile: supervisorLog,
    services: services.map(({ service, env }) => {
      const logFile = path.join(logsDir, `${service.name}.log`);
      fs.appendFileSync(logFile, `${RUN_MARK} ${new Date().toISOString()} ===\n`);

      return {
        name: service.name,
        command: [process.execPath, builtMain(service.name)],
        cwd: REPO_ROOT,
        env,
        logFile,
      };
    }),
  };
  fs.writeFileSync(planFile, JSON.stringify(plan), { mode: 0o600 });
  const out = fs.openSync(supervisorLog, 'a');
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts/supervisor.mjs'), planFile],
    {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', out, out],
    },
  );
  fs.closeSync(out);
  child.unref();
  console.log(
    `start: supervisor started (pid ${child.pid}, log ${relative(supervisorLog)}): it restarts a service that stops`,
  );
  for (const { service } of services)
    console.log(
      `start: ${service.name} starting on port ${service.port} (log ${relative(path.join(logsDir, `${service.name}.log`))})`,
    );
};

/** Resolves to an error sentence, or undefined once GET /health answers 200. */
const awaitHealthy = async (service, { startedNow }) => {
  const logFile = path.join(logsDir, `${service.name}.log`);
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (await healthy(service.port)) return undefined;
    // The supervisor writes each exit of the service into its log.
    if (startedNow && /^\[supervisor\] .* exited /m.test(tail(logFile, 1_000)))
      return `${service.name} stopped while starting (the supervisor keeps restarting it; npm run stop stops everything); the last lines of ${relative(logFile)}:\n${tail(logFile)}`;
    await sleep(500);
  }

  return `${service.name} did not answer GET http://${host}:${service.port}/health with 200 within ${startTimeoutMs / 1000}s; the last lines of ${relative(logFile)}:\n${tail(logFile)}`;
};

const startServices = async (all, admin, keys) => {
  const { serviceDatabases } = requireTs('infra/postgres/databases.ts');
  const databases = serviceDatabases();
  fs.mkdirSync(logsDir, { recursive: true });
  fs.mkdirSync(runDir, { recursive: true, mode: 0o700 });
  const supervisor = runningSupervisor();
  const starting = [];
  if (supervisor)
    console.log(
      `start: the supervisor of an earlier start (pid ${supervisor}) keeps the services running`,
    );
  else
    for (const service of all) {
      if (await answers(service.port)) {
        console.log(
          `start: ${service.name} already answers on port ${service.port}; left as it is`,
        );
        continue;
      }
      starting.push({ service, env: serviceEnv(service, all, databases, admin, keys) });
    }
  if (starting.length > 0) {
    await ensureBuilt();
    startSupervisor(starting);
  }
  const waited = supervisor ? all : starting.map(({ service }) => service);
  const failures = (
    await Promise.all(waited.map((service) => awaitHealthy(service, { startedNow: !supervisor })))
  ).filter(Boolean);
  if (failures.length > 0) {
    for (const failure of failures) console.error(`\n${failure}`);
    console.error(
      '\nSome services did not start (see above); fix the cause, then npm run stop and npm start again.',
    );
    process.exit(1);
  }
};

const serviceUrls = (all) =>
  Object.fromEntries(
    all.map((service) => [
      `${service.name.toUpperCase().replaceAll('-', '_')}_URL`,
      `http://${host}:${service.port}`,
    ]),
  );

// Through the gateway, signed in as admin (without a gateway there is no one to sign in with):
// the federations, their officers' accounts, the employers and unions, the cadres' accounts and
// the members, in the order infra/seed/main.ts gives. The seed itself knows what already ran.
const seedDemoRegion = async (all, admin) => {
  if (!all.some((service) => service.name === 'gateway')) return;
  const code = await runTs(seedFile, [], {
    env: {
      ...process.env,
      ...serviceUrls(all),
      TAIZHANG_ADMIN_PASSWORD: admin.password,
      TAIZHANG_DEMO: 'true',
    },
  });
  if (code !== 0) {
    console.error(`The demo seed (${seedFile}) failed (output above); the services still run.`);
    process.exitCode = code;
  }
};

/** Where the dashboard is (the gateway serves it at /) and, in demo mode, who can sign in there. */
const printDashboard = (all, demo) => {
  const gateway = all.find((service) => service.name === 'gateway');
  if (!gateway) return;
  console.log(`\nDashboard 工会统计看板: http://${host}:${gateway.port}/`);
  if (!demo.on) return;
  const { demoUsers, DEFAULT_DEMO_PASSWORD } = requireTs('infra/seed/demo-users.data.ts');
  const password = process.env.TAIZHANG_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  console.log(
    `  sign in with password "${password}" as, for example (every demo user is listed above):`,
  );
  for (const user of demoUsers()
    .filter((user) => user.role !== 'union_cadre')
    .slice(0, 6))
    console.log(`  ${user.username.padEnd(26)} ${user.role.padEnd(19)} ${user.unit.name}`);
};

const printAdmin = (all, admin) => {
  if (all.some((service) => service.name === 'gateway')) console.log(`\n${admin.message}`);
};

await setup();
const { services } = requireTs('infra/services.ts');
const all = services();
if (all.length === 0) {
  console.log('start: no services to start yet (no services/<name>/src/main.ts)');
  process.exit(0);
}
const demo = (() => {
  try {
    return requireTs('infra/seed/demo-mode.ts').demoMode(process.env, { defaultOn: true });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
})();
const admin = await adminPassword();
console.log(`start: ${demo.reason}`);
await startServices(all, admin, personalDataKeys());
if (demo.on && !admin.password)
  console.log(
    "start: the demo region is not seeded: this start does not know the admin's password (set TAIZHANG_ADMIN_PASSWORD to it)",
  );
else if (demo.on) await seedDemoRegion(all, admin);
printAdmin(all, admin);
console.log('\nTaizhang is running:');
for (const service of all) {
  console.log(
    `  ${service.name.padEnd(13)} http://${host}:${service.port}/docs   log ${relative(path.join(logsDir, `${service.name}.log`))}`,
  );
}
console.log(
  `  ${'supervisor'.padEnd(13)} restarts a service that stops   log ${relative(supervisorLog)}`,
);
printDashboard(all, demo);
console.log(`\n${demo.reason}`);
console.log(
  '\nStop everything (the supervisor, the services and the Kafka broker) with: npm run stop',
);
