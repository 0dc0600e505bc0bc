import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { freePorts } from './free-port';

/** A Kafka broker of one suite's own, for tests that restart it. */
export interface OwnKafka {
  brokers: string[];
  /** Stops the broker and starts it again on the same data (topics and offsets stay). */
  restart(): void;
  /** Stops it and deletes its data. */
  stop(): void;
}

const KAFKA_MJS = path.resolve(__dirname, '../../../infra/kafka/kafka.mjs');

/**
 * Starts the project's broker (infra/kafka/kafka.mjs) on free ports and a temporary data folder,
 * so that a test can restart Kafka without touching the broker other suites share.
 */
export const startOwnKafka = async (): Promise<OwnKafka> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'taizhang-kafka-'));
  const [port, controllerPort] = await freePorts(2);
  const kafkaMjs = (command: 'ensure' | 'stop') => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TAIZHANG_DATA_DIR: dataDir,
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(controllerPort),
    };
    // The global setup points KAFKA_BROKERS at the shared broker; kafka.mjs must run its own.
    delete env['KAFKA_BROKERS'];
    const result = spawnSync(process.execPath, [KAFKA_MJS, command], { env, encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`kafka.mjs ${command} failed: ${result.stdout}${result.stderr}`);
  };
  kafkaMjs('ensure');

  return {
    brokers: [`127.0.0.1:${port}`],
    restart: () => {
      kafkaMjs('stop');
      kafkaMjs('ensure');
    },
    stop: () => {
      kafkaMjs('stop');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
