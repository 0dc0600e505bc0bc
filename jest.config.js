// One Jest run over every library and service; the global setup makes sure PostgreSQL, Redis and
// the Kafka broker are there before any integration suite starts.
const fs = require('node:fs');
const path = require('node:path');

const hasJestConfig = (project) => fs.existsSync(path.join(project, 'jest.config.js'));
const projects = [
  ...['libs', 'services'].flatMap((dir) =>
    fs.existsSync(path.join(__dirname, dir))
      ? fs.readdirSync(path.join(__dirname, dir)).map((name) => path.join(__dirname, dir, name))
      : [],
  ),
  path.join(__dirname, 'infra'),
  path.join(__dirname, 'e2e'),
].filter(hasJestConfig);

const { transform } = require('./jest.preset')(__dirname, 'root');

module.exports = {
  projects,
  // The global setup is TypeScript too.
  transform,
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  // Stops the containers the global setup started where a Docker engine exists.
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 60_000,
};
