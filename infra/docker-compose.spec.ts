import fs from 'node:fs';
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
}

const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, ComposeService> };

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
      expect(service?.environment?.['DATABASE_URL']).toBe(
        `postgres://postgres@postgres:5432/${databaseName(name)}`,
      );
    }
  });
});

describe('infra/postgres/init/01-databases.sql', () => {
  it('creates every database that npm start creates', () => {
    for (const database of serviceDatabases({})) expect(initSqlDatabases).toContain(database.name);
  });

  it('creates only databases of known services', () => {
    const known = KNOWN_SERVICES.filter((service) => service.database).map((service) =>
      databaseName(service.name),
    );
    expect(initSqlDatabases.length).toBeGreaterThan(0);
    for (const name of initSqlDatabases) expect(known).toContain(name);
  });
});
