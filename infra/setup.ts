// Brings up what the services need, each step reusing what is already there: the Kafka broker
// (or KAFKA_BROKERS), the topics, one database per service, and a check that Redis answers.
// Run by scripts/setup.mjs through scripts/run-ts.mjs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { createTopics, kafkaBrokers } from './kafka/create-topics';
import { ensureDatabases, InfrastructureError, serviceDatabases } from './postgres/databases';
import { DEFAULT_REDIS_URL, pingRedis } from './redis/redis';

const ensureKafka = (): void => {
  const result = spawnSync(process.execPath, [path.join(__dirname, 'kafka/kafka.mjs'), 'ensure'], {
    stdio: 'inherit',
  });
  // kafka.mjs has already said what is wrong in one sentence.
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const ensureTopics = async (): Promise<void> => {
  try {
    const created = await createTopics();
    console.log(
      created.length > 0
        ? `kafka: created topics ${created.join(', ')}`
        : 'kafka: every topic exists',
    );
  } catch (error) {
    throw new InfrastructureError(
      `Could not create the Kafka topics at ${kafkaBrokers().join(',')} (${(error as Error).message}); check that the broker runs with "node infra/kafka/kafka.mjs status"`,
    );
  }
};

const checkRedis = async (): Promise<void> => {
  const url = process.env['REDIS_URL'] ?? DEFAULT_REDIS_URL;
  if (await pingRedis(url)) {
    console.log(`redis: answers at ${url}`);

    return;
  }
  // Redis only speeds things up (cache, live updates, rate limits), so this is not fatal.
  console.warn(
    `redis: WARNING: Redis does not answer at ${url}; the services run without their cache and live dashboard updates until you start it (apt-get install redis-server) or set REDIS_URL.`,
  );
};

const main = async (): Promise<void> => {
  ensureKafka();
  await ensureTopics();
  const created = await ensureDatabases();
  const names = serviceDatabases().map((database) => database.name);
  console.log(
    names.length === 0
      ? 'postgres: answers; no service needs a database yet'
      : `postgres: databases ${names.join(', ')} ready${created.length > 0 ? ` (created ${created.join(', ')})` : ''}`,
  );
  await checkRedis();
};

main().catch((error: unknown) => {
  if (!(error instanceof InfrastructureError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
});
