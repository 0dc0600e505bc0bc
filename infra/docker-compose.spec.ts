import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { parse } from 'yaml';

import { databaseName, serviceDatabases } from './postgres/databases';
import { KNOWN_SERVICES, REPO_ROOT, serviceFolders } from './services';

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  network_mode?: string;
}

const composeText = fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
const upper = (name: string) => name.toUpperCase().replaceAll('-', '_');
/** `${NAME:?…}`: compose refuses to start without it, naming it. */
const required = (name: string) => new RegExp(`^\\$\\{${name}:\\?[^}]+\\}$`);
const requiredInside = (name: string) => `\\$\\{${name}:\\?[^}]+\\}`;

/** Whose topic each service consumes (and so whose event-signing public key it needs). */
const CONSUMES: Record<string, string[]> = {
  gateway: ['organisation'],
  organisation: [],
  rights: ['organisation'],
  reporting: ['organisation', 'rights'],
};
/** Who signs with which private key; every other service gets only the public half. */
const SIGNS: Record<string, { variable: string; privateKey: string; publicKey: string }[]> = {
  gateway: [
    { variable: 'AUTH_PRIVATE_KEY', privateKey: 'AUTH_PRIVATE_KEY', publicKey: 'AUTH_PUBLIC_KEY' },
  ],
  organisation: [
    {
      variable: 'EVENT_SIGNING_KEY',
      privateKey: 'ORGANISATION_EVENT_SIGNING_KEY',
      publicKey: 'ORGANISATION_EVENT_PUBLIC_KEY',
    },
  ],
  rights: [
    {
      variable: 'EVENT_SIGNING_KEY',
      privateKey: 'RIGHTS_EVENT_SIGNING_KEY',
      publicKey: 'RIGHTS_EVENT_PUBLIC_KEY',
    },
  ],
  reporting: [
    {
      variable: 'EVENT_SIGNING_KEY',
      privateKey: 'REPORTING_EVENT_SIGNING_KEY',
      publicKey: 'REPORTING_EVENT_PUBLIC_KEY',
    },
  ],
};

const initSqlDatabases = [
  ...fs
    .readFileSync(path.join(REPO_ROOT, 'infra/postgres/init/01-databases.sql'), 'utf8')
    .matchAll(/^CREATE DATABASE (\w+);$/gm),
].map((match) => match[1]);

describe('docker-compose.yml', () => {
  it('runs Apache Kafka 3.9 in KRaft mode with the single-node settings of server.properties', () => {
    const kafka = compose.services['kafka'];
    expect(kafka?.image).toMatch(/^apache\/kafka:3\.9\./);
    expect(kafka?.environment).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1,
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1,
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1,
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
      KAFKA_LOG_RETENTION_MS: -1,
    });
  });

  it('runs PostgreSQL 15 with the database init script, and Redis', () => {
    expect(compose.services['postgres']?.image).toBe('postgres:15');
    expect(compose.services['redis']?.image).toMatch(/^redis:7/);
  });

  it('creates the topics with the same script as npm start', () => {
    expect(compose.services['topics']?.command).toEqual([
      'node',
      'scripts/run-ts.mjs',
      'infra/kafka/create-topics.ts',
    ]);
  });

  it.each(serviceFolders())('runs the service under services/%s on its port', (name) => {
    const known = KNOWN_SERVICES.find((service) => service.name === name);
    expect(known).toBeDefined();
    const service = compose.services[name];
    expect(service?.build).toBe('.');
    expect(service?.environment).toMatchObject({ SERVICE_NAME: name, PORT: known?.port });
    expect(service?.depends_on?.['topics']).toEqual({
      condition: 'service_completed_successfully',
    });
    if (known?.database) {
      // Its own role and password, never the superuser.
      expect(String(service?.environment?.['DATABASE_URL'])).toMatch(
        new RegExp(
          `^postgres://${name}:${requiredInside(`${upper(name)}_DB_PASSWORD`)}@postgres:5432/${databaseName(name)}$`,
        ),
      );
    }
  });

  it.each(serviceFolders())(
    'gives %s a healthcheck, HOST=0.0.0.0, production by default and a data volume of its own',
    (name) => {
      const service = compose.services[name]!;
      expect(service.healthcheck?.test.join(' ')).toContain('/health');
      expect(service.environment).toMatchObject({
        HOST: '0.0.0.0',
        NODE_ENV: '${NODE_ENV:-production}',
      });
      expect(service.volumes).toEqual([`${name}-data:/app/.data`]);
      expect(compose.volumes).toHaveProperty(`${name}-data`);
    },
  );

  it.each(serviceFolders())(
    'gives %s its own Kafka principal and password, and Redis with its password',
    (name) => {
      const env = compose.services[name]!.environment!;
      expect(env).toMatchObject({
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: name,
      });
      expect(String(env['KAFKA_SASL_PASSWORD'])).toMatch(required(`KAFKA_${upper(name)}_PASSWORD`));
      expect(String(env['REDIS_URL'])).toMatch(
        new RegExp(`^redis://:${requiredInside('REDIS_PASSWORD')}@redis:6379$`),
      );
    },
  );

  it.each(serviceFolders().filter((name) => name !== 'gateway'))(
    'gives %s the gateway’s token public key, never its private key',
    (name) => {
      const env = compose.services[name]!.environment!;
      expect(String(env['AUTH_PUBLIC_KEY'])).toMatch(required('AUTH_PUBLIC_KEY'));
      expect(JSON.stringify(env)).not.toContain('AUTH_PRIVATE_KEY');
    },
  );

  it.each(serviceFolders())(
    'gives %s the event-signing public key of every service whose topic it reads',
    (name) => {
      const env = compose.services[name]!.environment!;
      expect(CONSUMES).toHaveProperty(name);
      for (const producer of CONSUMES[name]!)
        expect(String(env[`${upper(producer)}_EVENT_PUBLIC_KEY`])).toMatch(
          required(`${upper(producer)}_EVENT_PUBLIC_KEY`),
        );
    },
  );

  it.each(serviceFolders())(
    'gives %s its own private keys and no other service’s, and no key volume to share',
    (name) => {
      const env = JSON.stringify(compose.services[name]!.environment);
      expect(SIGNS).toHaveProperty(name);
      for (const [signer, keys] of Object.entries(SIGNS))
        for (const key of keys) {
          if (signer === name)
            expect(String(compose.services[name]!.environment![key.variable])).toMatch(
              required(key.privateKey),
            );
          else expect(env).not.toContain(key.privateKey);
        }
      expect(compose.services[name]!.volumes?.some((volume) => volume.includes('keys'))).toBe(
        false,
      );
    },
  );

  it('gives organisation its personal-data keys, which compose requires (no built-in keys)', () => {
    const env = compose.services['organisation']!.environment!;
    expect(String(env['PERSONAL_DATA_MASTER_KEYS'])).toMatch(required('PERSONAL_DATA_MASTER_KEYS'));
    expect(String(env['PERSONAL_DATA_INDEX_KEY'])).toMatch(required('PERSONAL_DATA_INDEX_KEY'));
  });

  it('runs Kafka with SASL/SCRAM on every listener other containers or the host reach, and ACLs', () => {
    const env = compose.services['kafka']!.environment!;
    const protocols: Record<string, string> = Object.fromEntries(
      String(env['KAFKA_LISTENER_SECURITY_PROTOCOL_MAP'])
        .split(',')
        .map((entry) => entry.split(':') as [string, string]),
    );
    expect(protocols).toMatchObject({ INTERNAL: 'SASL_PLAINTEXT', EXTERNAL: 'SASL_PLAINTEXT' });
    // The one listener without a password is bound inside the broker's own network.
    expect(String(env['KAFKA_LISTENERS'])).toContain('LOCAL://127.0.0.1:19092');
    expect(env).toMatchObject({
      KAFKA_SASL_ENABLED_MECHANISMS: 'SCRAM-SHA-512',
      KAFKA_AUTHORIZER_CLASS_NAME: 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
      KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND: 'false',
    });
    expect(compose.services['kafka-security']?.network_mode).toBe('service:kafka');
    expect(compose.services['topics']?.depends_on?.['kafka-security']).toEqual({
      condition: 'service_completed_successfully',
    });
    expect(compose.services['topics']?.environment).toMatchObject({ KAFKA_SASL_USERNAME: 'admin' });
  });

  it.each(serviceFolders())(
    'lets %s write only its own topic and read the topics it consumes (kafka-security.sh)',
    (name) => {
      const script = read('infra/kafka/compose/kafka-security.sh');
      expect(script).toMatch(
        new RegExp(`^principal ${name} "\\$KAFKA_${upper(name)}_PASSWORD"$`, 'm'),
      );
      const writes = [...script.matchAll(/^allow (\w+) --operation Write .*--topic (\S+)$/gm)].map(
        ([, who, topic]) => [who, topic],
      );
      for (const [, topic] of writes.filter(([who]) => who === name))
        expect(
          [`taizhang.${name}.v1`, `taizhang.${name}.checkpoints.v1`].includes(topic!) ||
            topic!.endsWith('.dlq'),
        ).toBe(true);
      // The consumers of organisation's topic: exactly those read in the loop of Read ACLs.
      const readers = /^for consumer in ([\w -]+); do$/m.exec(script)?.[1]?.split(' ') ?? [];
      expect(readers.includes(name)).toBe(CONSUMES[name]!.includes('organisation'));
      if (name === 'organisation')
        expect(writes).toContainEqual(['organisation', 'taizhang.organisation.v1']);
      // Reporting's relay publishes the reports submitted (报表报送) on its own topic.
      if (name === 'reporting')
        expect(writes).toContainEqual(['reporting', 'taizhang.reporting.v1']);
    },
  );

  it('runs PostgreSQL and Redis with passwords compose requires', () => {
    const postgres = compose.services['postgres']!;
    expect(String(postgres.environment?.['POSTGRES_PASSWORD'])).toMatch(
      required('POSTGRES_PASSWORD'),
    );
    expect(postgres.environment).not.toHaveProperty('POSTGRES_HOST_AUTH_METHOD');
    expect(compose.services['redis']?.command?.slice(0, 2)).toEqual([
      'redis-server',
      '--requirepass',
    ]);
    expect(compose.services['redis']?.command?.[2]).toMatch(required('REDIS_PASSWORD'));
  });

  it('seeds the demo region only when TAIZHANG_DEMO=true, after the services are healthy', () => {
    const seed = compose.services['seed']!;
    expect(seed.command).toEqual(['node', 'scripts/run-ts.mjs', 'infra/seed/main.ts']);
    expect(seed.environment).toMatchObject({
      TAIZHANG_DEMO: '${TAIZHANG_DEMO:-false}',
      NODE_ENV: '${NODE_ENV:-production}',
    });
    for (const name of serviceFolders())
      expect(seed.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
  });

  it('writes with scripts/compose-env.mjs every variable compose requires, once, mode 600', () => {
    const dir = fs.mkdtempSync(path.join(tmpdir(), 'taizhang-compose-env-'));
    try {
      const envFile = path.join(dir, '.env');
      fs.writeFileSync(envFile, 'KAFKA_PORT=19092');
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/compose-env.mjs'), envFile]);
      const first = fs.readFileSync(envFile, 'utf8');
      const values = Object.fromEntries(
        first
          .trim()
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      const wanted = [...new Set([...composeText.matchAll(/\$\{(\w+):\?/g)].map((m) => m[1]!))];
      expect(wanted.length).toBeGreaterThan(10);
      const keyPairs = Object.values(SIGNS).flat();
      const pems = new Set(keyPairs.flatMap((key) => [key.privateKey, key.publicKey]));
      for (const variable of wanted.filter((name) => !pems.has(name)))
        expect(values[variable]).toMatch(/^\S{16,}$/);
      // Each key pair whole: the public half is the private key's, one line each.
      for (const key of keyPairs) {
        const pem = (name: string) => values[name]!.replace(/^'|'$/g, '').replaceAll('\\n', '\n');
        expect(
          createPublicKey(createPrivateKey(pem(key.privateKey))).export({
            type: 'spki',
            format: 'pem',
          }),
        ).toBe(`${pem(key.publicKey)}\n`);
      }
      expect(values['KAFKA_PORT']).toBe('19092');
      expect(values['PERSONAL_DATA_MASTER_KEYS']).toMatch(/^master-[\w-]+:[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(values['PERSONAL_DATA_INDEX_KEY']!, 'base64')).toHaveLength(32);
      expect(fs.statSync(envFile).mode & 0o777).toBe(0o600);
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/compose-env.mjs'), envFile]);
      expect(fs.readFileSync(envFile, 'utf8')).toBe(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  /** Each stage's lines, by its name (the last, unnamed one is `final`). */
  const stages = Object.fromEntries(
    dockerfile
      .split(/^(?=FROM )/m)
      .filter((stage) => stage.startsWith('FROM '))
      .map((stage) => [/^FROM \S+(?: AS (\S+))?/.exec(stage)![1] ?? 'final', stage]),
  );

  it('runs the current Node LTS (24)', () => {
    expect(dockerfile).toMatch(/^FROM node:24-/m);
    expect(stages['final']).toMatch(/^FROM node:24-/);
  });

  it('builds dist/ in a build stage and runs the built service, nothing compiled at start-up', () => {
    expect(stages['build']).toMatch(/^RUN node scripts\/build\.mjs/m);
    // The image builds its own dist/, never the one of the machine it is built on.
    expect(read('.dockerignore').split('\n')).toContain('dist');
    const final = stages['final']!;
    expect(final).toContain('COPY --from=build /app/dist ./dist');
    expect(final).not.toMatch(/^COPY \. /m);
    expect(final).not.toMatch(/swc|run-ts|enable-source-maps/);
    expect(final).toMatch(
      /^CMD \[.*"exec node dist\/services\/\$\{SERVICE_NAME\}\/src\/main\.js"\]$/m,
    );
  });

  it.each(['topics', 'seed'])(
    'runs the %s step, a tool run from its TypeScript, on the build stage',
    (name) => {
      expect(compose.services[name]?.build).toEqual({ context: '.', target: 'build' });
      expect(compose.services[name]?.command?.[1]).toBe('scripts/run-ts.mjs');
    },
  );
});

describe('infra/postgres/init/01-databases.sql', () => {
  it('creates every database that npm start creates', () => {
    for (const database of serviceDatabases({})) expect(initSqlDatabases).toContain(database.name);
  });

  it('gives every service that owns a database a role of its own (02-roles.sh)', () => {
    expect(read('infra/postgres/init/02-roles.sh')).toContain(
      `for service in ${serviceDatabases({})
        .map((database) => database.service)
        .join(' ')}; do`,
    );
  });

  it('creates only databases of known services', () => {
    const known = KNOWN_SERVICES.filter((service) => service.database).map((service) =>
      databaseName(service.name),
    );
    expect(initSqlDatabases.length).toBeGreaterThan(0);
    for (const name of initSqlDatabases) expect(known).toContain(name);
  });
});
