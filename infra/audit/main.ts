import { Presets, SingleBar } from 'cli-progress';
import { Kafka, logLevel } from 'kafkajs';

import { kafkaBrokers } from '../kafka/create-topics';
import { serviceDatabases } from '../postgres/databases';
import { checkpointStore, describeCheckpoint } from './checkpoint-stores';
import { describeVerification, isBroken, verifyStore } from './verify-stores';

const USAGE = `Usage: npm run audit -- verify | checkpoint
  verify       checks every service's event store: its hash chains, its latest signed checkpoint
               and its Kafka topic; exit 0 when every store is intact, 1 naming the service, the
               stream and the first broken position.
  checkpoint   takes a signed checkpoint of every service's store now (as each service does every
               CHECKPOINT_INTERVAL_SECONDS), into the data folder and its checkpoint topic.`;

const progressBar = (service: string): SingleBar =>
  new SingleBar(
    {
      format: `${service} [{bar}] {percentage}% | {value}/{total} events | {speed} events/s`,
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );

const verify = async (kafka: Kafka): Promise<number> => {
  let broken = false;
  for (const database of serviceDatabases()) {
    const bar = progressBar(database.service);
    const started = performance.now();
    let shown = false;
    const result = await verifyStore(database, {
      env: process.env,
      kafka,
      onProgress: (checked, total) => {
        if (!shown) bar.start(total, 0, { speed: 0 });
        shown = true;
        const seconds = (performance.now() - started) / 1000;
        bar.update(checked, { speed: Math.round(checked / Math.max(seconds, 0.001)) });
      },
    });
    if (shown) bar.stop();
    console.log(describeVerification(result));
    broken ||= isBroken(result);
  }

  return broken ? 1 : 0;
};

const checkpoint = async (kafka: Kafka): Promise<number> => {
  for (const database of serviceDatabases())
    console.log(describeCheckpoint(await checkpointStore(database, { env: process.env, kafka })));

  return 0;
};

const main = async (argv: string[]): Promise<number> => {
  const [command] = argv;
  if (command !== 'verify' && command !== 'checkpoint') {
    console.error(USAGE);

    return 2;
  }
  const kafka = new Kafka({
    clientId: 'taizhang-audit',
    brokers: kafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });

  return command === 'verify' ? verify(kafka) : checkpoint(kafka);
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `The audit could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  },
);
