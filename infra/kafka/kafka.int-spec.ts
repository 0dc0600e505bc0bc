import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';

import { allTopics, TOPIC_PARTITIONS, Topics } from '@taizhang/contracts';

import { REPO_ROOT } from '../services';
import { createTopics } from './create-topics';

/** Two ports nobody listens on, held open together so that they differ. */
const freePorts = async (): Promise<[number, number]> => {
  const listen = () =>
    new Promise<net.Server>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => resolve(server));
    });
  const servers = [await listen(), await listen()];
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));

  return [ports[0] ?? 0, ports[1] ?? 0];
};

const hasJavaAndMaven =
  spawnSync('java', ['-version']).status === 0 && spawnSync('mvn', ['-v']).status === 0;

// A second broker on its own ports and data dir, so the project's broker is never touched.
(hasJavaAndMaven ? describe : describe.skip)(
  hasJavaAndMaven
    ? 'infra/kafka/kafka.mjs'
    : 'infra/kafka/kafka.mjs (skipped: needs Java 17 and Maven)',
  () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-kafka-'));
    let port = 0;
    let controllerPort = 0;

    const kafkaMjs = (command: string) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        TAIZHANG_DATA_DIR: dataDir,
        KAFKA_PORT: String(port),
        KAFKA_CONTROLLER_PORT: String(controllerPort),
      };
      // The global setup points KAFKA_BROKERS at the shared broker; here kafka.mjs must run its own.
      delete env['KAFKA_BROKERS'];
      const result = spawnSync(
        process.execPath,
        [path.join(REPO_ROOT, 'infra/kafka/kafka.mjs'), command],
        {
          env,
          encoding: 'utf8',
        },
      );

      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    };

    beforeAll(async () => {
      [port, controllerPort] = await freePorts();
    });

    afterAll(() => {
      kafkaMjs('stop');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }, 30_000);

    it('starts a broker that answers, then reuses it', () => {
      const first = kafkaMjs('ensure');
      expect(first.status).toBe(0);
      expect(first.output).toContain(`ready on 127.0.0.1:${port}`);
      expect(fs.existsSync(path.join(dataDir, 'kafka/broker.pid'))).toBe(true);

      const second = kafkaMjs('ensure');
      expect(second.status).toBe(0);
      expect(second.output).toContain('reusing the broker');
      expect(kafkaMjs('status').output).toContain(`running on 127.0.0.1:${port}`);
    }, 90_000);

    it('creates every topic with its partitions and infinite retention, idempotently', async () => {
      const brokers = [`127.0.0.1:${port}`];
      expect((await createTopics(brokers)).sort()).toEqual(allTopics().sort());
      expect(await createTopics(brokers)).toEqual([]);

      const admin = new Kafka({
        clientId: 'kafka-int-spec',
        brokers,
        logLevel: logLevel.NOTHING,
      }).admin();
      await admin.connect();
      try {
        const { topics } = await admin.fetchTopicMetadata({ topics: [Topics.organisation] });
        expect(topics[0]?.partitions).toHaveLength(TOPIC_PARTITIONS);
        const { resources } = await admin.describeConfigs({
          includeSynonyms: false,
          resources: allTopics().map((name) => ({
            type: ConfigResourceTypes.TOPIC,
            name,
            configNames: ['retention.ms'],
          })),
        });
        for (const resource of resources) {
          expect(resource.configEntries).toEqual([
            expect.objectContaining({ configName: 'retention.ms', configValue: '-1' }),
          ]);
        }
      } finally {
        await admin.disconnect();
      }
    }, 30_000);

    it('stops the broker and removes its pid file', () => {
      const stopped = kafkaMjs('stop');
      expect(stopped.status).toBe(0);
      expect(stopped.output).toContain('stopped');
      expect(fs.existsSync(path.join(dataDir, 'kafka/broker.pid'))).toBe(false);
      expect(kafkaMjs('status').status).toBe(3);
    }, 30_000);
  },
);
