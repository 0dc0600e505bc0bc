#!/usr/bin/env node
// Writes what `docker compose up` needs and has no default for into .env (mode 600): a password
// per PostgreSQL role, Kafka principal and Redis, the first admin's password and organisation's
// personal-data keys, each random. Values already in .env are kept, so running it again only
// adds what is missing. `node scripts/compose-env.mjs [file]` (.env by default). Builtins only.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const password = () => randomBytes(24).toString('base64url');
const key32 = () => randomBytes(32).toString('base64');

/** The variables docker-compose.yml requires (`${NAME:?…}`), in the order they appear. */
export const requiredVariables = (composeText) => [
  ...new Set([...composeText.matchAll(/\$\{(\w+):\?/g)].map((match) => match[1])),
];

/** A fresh value for a required variable, in the form the service reading it expects. */
export const freshValue = (variable, now = new Date()) => {
  if (variable === 'PERSONAL_DATA_MASTER_KEYS')
    return `master-${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${randomBytes(2).toString('hex')}:${key32()}`;
  if (variable === 'PERSONAL_DATA_INDEX_KEY') return key32();

  return password();
};

const readEnvFile = (file) =>
  fs.existsSync(file)
    ? Object.fromEntries(
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => /^\w+=/.test(line))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      )
    : {};

/** Adds to `envFile` a fresh value for every required variable it lacks; returns their names. */
export const writeComposeEnv = (composeFile, envFile) => {
  const kept = readEnvFile(envFile);
  const missing = requiredVariables(fs.readFileSync(composeFile, 'utf8')).filter(
    (variable) => !kept[variable],
  );
  const existing = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '';
  const lines =
    (existing && !existing.endsWith('\n') ? '\n' : '') +
    missing.map((variable) => `${variable}=${freshValue(variable)}\n`).join('');
  fs.appendFileSync(envFile, lines, { mode: 0o600 });
  fs.chmodSync(envFile, 0o600);

  return missing;
};

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Another file than .env as the first argument (the tests use one of their own).
  const envFile = path.resolve(process.argv[2] ?? path.join(root, '.env'));
  const added = writeComposeEnv(path.join(root, 'docker-compose.yml'), envFile);
  console.log(
    added.length > 0
      ? `compose-env: added ${added.join(', ')} to ${path.relative(process.cwd(), envFile)} (mode 600; keep it: the keys open the personal data)`
      : `compose-env: ${path.relative(process.cwd(), envFile)} already holds every variable docker compose needs`,
  );
}
