#!/usr/bin/env node
// `npm test [-- jest args]`: installs what is missing (npm packages, Debian's Chromium for the
// dashboard's end-to-end test), brings up the infrastructure (not the services), builds dist/ if
// a source changed (the e2e suites start the services from it, as npm start does; built here
// once, before Jest's workers), runs the dashboard's component tests with Vitest (not when Jest
// args pick some tests), then every test with Jest; fails if either failed, and ends with one
// "N passed, N failed" line counting both. Never interactive.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { ensureBuilt } from './build.mjs';
import { REPO_ROOT } from './run-ts.mjs';
import { installChromium, installPackages, setupInfrastructure } from './setup.mjs';

const dockerEngine = () =>
  spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 }).status === 0;

installPackages();
installChromium();
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

// Neither runner's summary is a line CI tools read, so the run ends with a plain "N passed, N
// failed" over both, from their JSON reports.
const resultsFile = path.join(REPO_ROOT, '.data', 'jest-results.json');
const vitestResultsFile = path.join(REPO_ROOT, '.data', 'vitest-results.json');
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.rmSync(resultsFile, { force: true });
fs.rmSync(vitestResultsFile, { force: true });

const counts = (file) => {
  if (!fs.existsSync(file)) return undefined;
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(
    fs.readFileSync(file, 'utf8'),
  );

  return {
    passed: numPassedTests,
    failed: numFailedTests,
    skipped: numPendingTests + (numTodoTests ?? 0),
  };
};

const runVitest = () => {
  if (process.argv.length > 2) return { status: 0, counts: undefined };
  const { status } = spawnSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'services/dashboard/vite.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestResultsFile}`,
    ],
    { cwd: REPO_ROOT, stdio: 'inherit' },
  );
  const found = counts(vitestResultsFile);

  // A run that reported nothing failed as a whole (it could not start, say).
  return { status: status ?? 1, counts: found ?? { passed: 0, failed: 1, skipped: 0 } };
};
const vitest = runVitest();

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
  process.exitCode = (code ?? (signal ? 1 : 0)) || (vitest.status === 0 ? 0 : 1);
  const both = [counts(resultsFile), vitest.counts].filter(Boolean);
  if (both.length > 0) {
    const sum = (name) => both.reduce((total, run) => total + run[name], 0);
    if (vitest.counts)
      console.log(
        `\nthe dashboard's component tests (Vitest): ${vitest.counts.passed} of ${vitest.counts.passed + vitest.counts.failed} passed`,
      );
    console.log(
      `\ntests: ${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`,
    );
  }
});
