import { Kafka, logLevel } from 'kafkajs';

import { kafkaBrokers } from '../kafka/create-topics';
import type { DeadLetterEntry } from './redrive';
import { redriveDeadLetters } from './redrive';

const USAGE = `Usage: npm run dlq -- redrive <topic> [--dry-run]
  redrive <topic>   puts the dead letters of <topic>.dlq back on <topic>, each once, once their
                    cause is fixed; only the consumer group that dead-lettered one processes it.
  --dry-run         lists what would be put back, and changes nothing.`;

const describe = (letter: DeadLetterEntry): string =>
  `  [${letter.partition}:${letter.offset}] ${letter.eventType ?? '?'} ${letter.eventId ?? '?'} ` +
  `for ${letter.consumerGroup ?? 'every group'}: ${letter.code ?? ''} ${letter.reason ?? ''}`;

const progressLine = (done: number, total: number): void => {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  const line = `redriven ${done} of ${total} (${percent} %)`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
  else if (done === total || done % 100 === 0) process.stderr.write(`${line}\n`);
};

const main = async (argv: string[]): Promise<number> => {
  const [command, topic, ...rest] = argv;
  const dryRun = rest.includes('--dry-run') || argv.includes('--dry-run');
  if (command !== 'redrive' || !topic || topic.startsWith('--')) {
    console.error(USAGE);

    return 2;
  }
  const kafka = new Kafka({
    clientId: 'taizhang-dlq',
    brokers: kafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  const { total, done } = await redriveDeadLetters({
    kafka,
    topic,
    dryRun,
    onLetter: dryRun ? (letter) => console.log(describe(letter)) : undefined,
    onProgress: dryRun ? undefined : progressLine,
  });
  console.log(
    dryRun
      ? `${total} dead letter(s) of ${topic}.dlq would be put back on ${topic}`
      : `${done} dead letter(s) of ${topic}.dlq put back on ${topic}`,
  );

  return 0;
};

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      `The redrive could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  },
);
