#!/usr/bin/env node
// Writes what `docker compose up` needs and has no default for into .env (mode 600): a password
// per PostgreSQL role, Kafka principal and Redis, the first admin's password, organisation's
// personal-data keys, and the Ed25519 key pairs (the gateway's token key, organisation's
// event-signing key), each random. A private key goes only to the service that signs with it; the
// others get the public half as a variable of its own, so no container holds another's secret. Values already in .env are kept, so running it again only
// adds what is missing. `node scripts/compose-env.mjs [file]` (.env by default). Builtins only.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const password = () => randomBytes(24).toString('base64url');

/** Each private key compose passes to its signer, with the variable that carries its public half. */
export const KEY_PAIRS = {
  AUTH_PRIVATE_KEY: 'AUTH_PUBLIC_KEY',
  ORGANISATION_EVENT_SIGNING_KEY: 'ORGANISATION_EVENT_PUBLIC_KEY',
  RIGHTS_EVENT_SIGNING_KEY: 'RIGHTS_EVENT_PUBLIC_KEY',
  REPORTING_EVENT_SIGNING_KEY: 'REPORTING_EVENT_PUBLIC_KEY',
};

// One line in .env, single-quoted so compose takes it as it is; the services read "\n" as a newline.
const pemValue = (pem) => `'${pem.trim().replaceAll('\n', '\\n')}'`;
const pemOf = (value) => value.replace(/^'|'$/g, '').replaceAll('\\n', '\n');

const publicPemOf = (privatePem) =>
  createPublicKey(createPrivateKey(pemOf(privatePem))).export({ type: 'spki', format: 'pem' });

const newKeyPair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  return {
    privatePem: pemValue(privateKey.export({ type: 'pkcs8', format: 'pem' })),
    publicPem: pemValue(publicKey.export({ type: 'spki', format: 'pem' })),
  };
};
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
  const required = requiredVariables(fs.readFileSync(composeFile, 'utf8'));
  // Every public half too, even one no container reads (reporting's): the auditor's
  // (npm run audit) check of the signatures needs it.
  const missing = [...new Set([...required, ...Object.values(KEY_PAIRS)])].filter(
    (variable) => !kept[variable],
  );
  const values = {};
  // A key pair is made whole: a new private key with its public half, or the public half of a
  // private key already kept.
  for (const [privateName, publicName] of Object.entries(KEY_PAIRS)) {
    if (!missing.includes(privateName) && !missing.includes(publicName)) continue;
    if (kept[privateName]) {
      values[publicName] = pemValue(publicPemOf(kept[privateName]));
    } else if (missing.includes(privateName)) {
      const pair = newKeyPair();
      values[privateName] = pair.privatePem;
      if (missing.includes(publicName) || kept[publicName]) values[publicName] = pair.publicPem;
    }
  }
  for (const variable of missing) values[variable] ??= freshValue(variable);
  const written = Object.keys(values);
  // A public half replaced because its private key was new: the old line goes.
  const existing = (fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '')
    .split('\n')
    .filter((line) => !written.some((variable) => line.startsWith(`${variable}=`)))
    .join('\n');
  fs.writeFileSync(envFile, existing, { mode: 0o600 });
  const lines =
    (existing && !existing.endsWith('\n') ? '\n' : '') +
    written.map((variable) => `${variable}=${values[variable]}\n`).join('');
  fs.appendFileSync(envFile, lines, { mode: 0o600 });
  fs.chmodSync(envFile, 0o600);

  return written;
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
