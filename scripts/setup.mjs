#!/usr/bin/env node
// Makes a clean clone ready to run: installs the npm packages when node_modules is missing or
// package-lock.json changed since the last install, Debian's Chromium when /usr/bin/chromium is
// missing (the dashboard's end-to-end test drives it; never a downloaded browser), then brings up
// the infrastructure (infra/setup.ts). Builtins only, because it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { runTs } from './run-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = path.join(root, 'package-lock.json');
const modulesDir = path.join(root, 'node_modules');
const marker = path.join(modulesDir, '.taizhang-lock-hash');

const lockHash = () => createHash('sha256').update(fs.readFileSync(lockFile)).digest('hex');

const installed = (hash) => {
  if (!fs.existsSync(modulesDir)) return false;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === hash) return true;
  // Installed by hand (npm install or npm ci) after the lock file last changed: npm's own record,
  // written at the end of every install, is then newer than the lock file.
  const npmRecord = path.join(modulesDir, '.package-lock.json');

  return (
    fs.existsSync(npmRecord) && fs.statSync(npmRecord).mtimeMs >= fs.statSync(lockFile).mtimeMs
  );
};

/** Installs the locked packages unless node_modules already matches package-lock.json. */
export const installPackages = () => {
  const hash = lockHash();
  if (installed(hash)) {
    fs.writeFileSync(marker, `${hash}\n`);

    return;
  }
  // Not `npm ci`: the registry this project installs from serves only this platform's native
  // builds, so the lock file lacks other platforms' optional packages and npm ci refuses it
  // (npm/cli#4828). `npm install` installs exactly the versions the lock file names.
  console.log('setup: installing npm packages (npm install, as locked)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const status = spawnSync(npm, ['install', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
  }).status;
  if (status !== 0) {
    console.error(
      'npm could not install the packages (output above); check the network access to the npm registry, then run the command again',
    );
    process.exit(1);
  }
  fs.writeFileSync(marker, `${lockHash()}\n`);
};

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const aptGet = (...args) =>
  spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status === 0;

/**
 * Installs Debian's Chromium when it is missing (apt-get, as root, with the package lists
 * refreshed once if the first try finds nothing). Answers whether the browser is there; without
 * it only the dashboard's end-to-end test cannot run, so setup goes on.
 */
export const installChromium = () => {
  if (fs.existsSync(CHROMIUM)) return true;
  console.log(`setup: ${CHROMIUM} is missing; installing Debian's chromium (apt-get)`);
  // With a Chinese font, so that the test's screenshots show the labels.
  const install = () =>
    aptGet('install', '-y', '--no-install-recommends', 'chromium', 'fonts-wqy-zenhei');
  if (!install()) aptGet('update') && install();
  if (fs.existsSync(CHROMIUM)) return true;
  console.error(
    `setup: could not install chromium (output above); the dashboard's end-to-end test needs ${CHROMIUM}`,
  );

  return false;
};

/** Whether `command` is on the PATH. */
const onPath = (command) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * Installs Debian's wrk when it is missing, as chromium above: the benchmarks drive HTTP with it
 * (`npm run bench`, `bench:wrk`, `bench:rights` call `node scripts/setup.mjs wrk` first). Not
 * part of setup itself: no test needs it.
 */
export const installWrk = () => {
  if (onPath('wrk')) return true;
  console.log("setup: wrk is missing; installing Debian's wrk (apt-get)");
  const install = () => aptGet('install', '-y', '--no-install-recommends', 'wrk');
  if (!install()) aptGet('update') && install();
  if (onPath('wrk')) return true;
  console.error('setup: could not install wrk (output above); the HTTP benchmarks need it');

  return false;
};

/** Starts or reuses Kafka, creates the topics and databases, and checks Redis. */
export const setupInfrastructure = async () => {
  const code = await runTs('infra/setup.ts');
  if (code !== 0) process.exit(code);
};

export const setup = async () => {
  installPackages();
  installChromium();
  await setupInfrastructure();
};

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `node scripts/setup.mjs wrk`: wrk alone, before a benchmark.
  if (process.argv[2] === 'wrk') process.exit(installWrk() ? 0 : 1);
  await setup();
}
