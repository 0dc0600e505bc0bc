#!/usr/bin/env node
// `npm test [-- jest args]`: installs what is missing, brings up the infrastructure (not the
// services), builds dist/ if a source changed (the e2e suites start the services from it, as npm
// start does; built here once, before Jest's workers), then runs every test with Jest and ends
// with Jest's exit code. Never interactive.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { ensureBuilt } from './build.mjs';
import { REPO_ROOT } from './run-ts.mjs';
import { installPackages, setupInfrastructure } from './setup.mjs';

const dockerEngine = () =>
  spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 }).status === 0;

installPackages();
// Where a Docker engine answers and nothing is given by environment, the Jest global setup starts
// containers, so the local infrastructure is not needed.
const givenByEnv = ['KAFKA_BROKERS', 'TEST_POSTGRES_ADMIN_URL', 'REDIS_URL'].some(
  (name) => process.env[name],
);
if (!givenByEnv && dockerEngine()) {
  console.log('test: a Docker engine answers; the tests start their own containers');
} else {
  await setupInfrastructure();
}

await ensureBuilt();

// Jest's own summary is not a line CI tools read, so the run ends with a plain "N passed, N failed".
const resultsFile = path.join(REPO_ROOT, '.data', 'jest-results.json');
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.rmSync(resultsFile, { force: true });

const args = [
  path.join(REPO_ROOT, 'node_modules/jest/bin/jest.js'),
  '--maxWorkers=2',
  '--json',
  `--outputFile=${resultsFile}`,
  ...(process.env.CI ? ['--ci'] : []),
  ...process.argv.slice(2),
];
const jest = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit' });
const forward = (signal) => jest.kill(signal);
process.on('SIGINT', forward).on('SIGTERM', forward);
jest.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
  if (fs.existsSync(resultsFile)) {
    const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(
      fs.readFileSync(resultsFile, 'utf8'),
    );
    console.log(
      `\ntests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`,
    );
  }
});
