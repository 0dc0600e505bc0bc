#!/usr/bin/env node
// Runs the real Apache Kafka broker (KRaft, one node) from the Maven Central artifacts, as
// KAFKA.md describes. Plain Node with builtins only: it runs before node_modules exists.
//
//   node infra/kafka/kafka.mjs ensure   start the broker unless one already answers, await readiness
//   node infra/kafka/kafka.mjs stop     stop the broker this project started (pid file)
//   node infra/kafka/kafka.mjs status   say what answers on the port (exit 3 when nothing does)
//
// Environment: TAIZHANG_DATA_DIR (default <repo>/.data), KAFKA_PORT (9092),
// KAFKA_CONTROLLER_PORT (KAFKA_PORT + 1), KAFKA_BROKERS (use that cluster, start nothing),
// KAFKA_START_TIMEOUT_MS (60000).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { commandLineOf, isAlive, sleep } from '../../scripts/processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const dataDir = path.resolve(process.env.TAIZHANG_DATA_DIR ?? path.join(repo, '.data'));
const kafkaDir = path.join(dataDir, 'kafka');
const libsDir = path.join(kafkaDir, 'libs');
const logDirs = path.join(kafkaDir, 'data');
const logsDir = path.join(kafkaDir, 'logs');
const brokerOut = path.join(logsDir, 'broker.out');
const pidFile = path.join(kafkaDir, 'broker.pid');
const propertiesFile = path.join(kafkaDir, 'server.properties');
const clusterIdFile = path.join(kafkaDir, 'cluster.id');
const pomFile = path.join(here, 'pom.xml');
const pomHashFile = path.join(libsDir, '.pom-hash');
const log4jFile = path.join(here, 'log4j.properties');
const host = '127.0.0.1';
const port = Number(process.env.KAFKA_PORT ?? 9092);
const controllerPort = Number(process.env.KAFKA_CONTROLLER_PORT ?? port + 1);
const startTimeoutMs = Number(process.env.KAFKA_START_TIMEOUT_MS ?? 60_000);
const stopTimeoutMs = 20_000;
const NEEDS_JAVA =
  'Java 17 and Maven are needed to run the bundled Kafka broker; install them, or set KAFKA_BROKERS, or run docker compose up';

class Failure extends Error {}

const say = (line) => console.log(`kafka: ${line}`);
/**
 * Sends a Kafka ApiVersions v0 request and resolves to 'kafka' when the answer carries our
 * correlation id, 'other' when something else answers, 'closed' when nothing listens.
 */
const probe = (probeHost, probePort, timeoutMs = 2_000) =>
  new Promise((resolve) => {
    const socket = net.connect({ host: probeHost, port: probePort });
    const clientId = Buffer.from('taizhang-probe');
    const request = Buffer.alloc(4 + 2 + 2 + 4 + 2 + clientId.length);
    request.writeInt32BE(request.length - 4, 0);
    request.writeInt16BE(18, 4); // ApiVersions
    request.writeInt16BE(0, 6);
    request.writeInt32BE(0x7a68, 8); // correlation id
    request.writeInt16BE(clientId.length, 12);
    clientId.copy(request, 14);
    let connected = false;
    let received = Buffer.alloc(0);
    const finish = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => finish(connected ? 'other' : 'closed'));
    socket.on('connect', () => {
      connected = true;
      socket.write(request);
    });
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 8) finish(received.readInt32BE(4) === 0x7a68 ? 'kafka' : 'other');
    });
    socket.on('error', () => finish(connected ? 'other' : 'closed'));
    socket.on('end', () => finish(connected ? 'other' : 'closed'));
  });

/** The pid of our broker when it is the one listening on the port asked for. */
const ourBrokerPidOnPort = () => {
  const pid = ourBrokerPid();

  return pid !== undefined && portInProperties() === port ? pid : undefined;
};

/** The pid of the broker this project started for this data dir, if it still runs. */
const ourBrokerPid = () => {
  if (!fs.existsSync(pidFile)) return undefined;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
  // A pid can be reused by another program after a reboot; only a Kafka JVM counts.
  if (Number.isInteger(pid) && isAlive(pid) && commandLineOf(pid).includes('kafka.Kafka')) {
    return pid;
  }
  fs.rmSync(pidFile, { force: true });

  return undefined;
};

const tail = (file, lines = 40) =>
  fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
    : '';

const javaBinary = () => {
  const fromHome = process.env.JAVA_HOME && path.join(process.env.JAVA_HOME, 'bin', 'java');

  return fromHome && fs.existsSync(fromHome) ? fromHome : 'java';
};

const javaMajorVersion = (java) => {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  // `openjdk version "17.0.15"`, `java version "1.8.0_392"`
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  if (!match) return undefined;
  const major = Number(match[1]);

  return major === 1 ? Number(match[2]) : major;
};

const hasMaven = () => !spawnSync('mvn', ['-v'], { encoding: 'utf8' }).error;

const pomHash = () => createHash('sha256').update(fs.readFileSync(pomFile)).digest('hex');

const jarsReady = () =>
  fs.existsSync(pomHashFile) && fs.readFileSync(pomHashFile, 'utf8').trim() === pomHash();

const checkPrerequisites = (java) => {
  const major = javaMajorVersion(java);
  if (major === undefined) throw new Failure(NEEDS_JAVA);
  if (major < 17) {
    const where = java === 'java' ? 'java on the PATH' : `JAVA_HOME (${process.env.JAVA_HOME})`;
    throw new Failure(`${where} is Java ${major}, but ${NEEDS_JAVA}`);
  }
  if (!jarsReady() && !hasMaven()) throw new Failure(NEEDS_JAVA);
};

/** Copies the broker's runtime classpath from Maven Central once; again only if pom.xml changed. */
const fetchJars = () => {
  if (jarsReady()) return;
  say(`fetching the Kafka jars with Maven into ${libsDir} (once)`);
  const staging = `${libsDir}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  const result = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      pomFile,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${staging}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
  );
  if (result.status !== 0) {
    console.error(result.stdout + result.stderr);
    throw new Failure(
      'Maven could not fetch the Kafka jars from Maven Central (output above); check the network or proxy settings in ~/.m2/settings.xml, or set KAFKA_BROKERS',
    );
  }
  // Swap in whole so that jars of an old version never stay on the classpath.
  fs.rmSync(libsDir, { recursive: true, force: true });
  fs.renameSync(staging, libsDir);
  fs.writeFileSync(pomHashFile, `${pomHash()}\n`);
};

const classpath = () => path.join(libsDir, '*');
const log4jOption = `-Dlog4j.configuration=file:${log4jFile}`;

const writeServerProperties = () => {
  const template = fs.readFileSync(path.join(here, 'server.properties.template'), 'utf8');
  const values = { PORT: port, CONTROLLER_PORT: controllerPort, LOG_DIRS: logDirs };
  const text = template.replace(/\$\{(\w+)\}/g, (whole, key) => String(values[key] ?? whole));
  fs.writeFileSync(propertiesFile, text);
};

/** The client port the broker of this data dir was started with. */
const portInProperties = () => {
  if (!fs.existsSync(propertiesFile)) return undefined;
  const match = /^listeners=PLAINTEXT:\/\/[^:]+:(\d+)/m.exec(
    fs.readFileSync(propertiesFile, 'utf8'),
  );

  return match ? Number(match[1]) : undefined;
};

const readMetaProperties = () => {
  const file = path.join(logDirs, 'meta.properties');
  if (!fs.existsSync(file)) return undefined;

  return Object.fromEntries(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('=') && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()]),
  );
};

const staleDataDir = (reason) =>
  new Failure(
    `The Kafka data directory ${logDirs} ${reason}; stop whatever uses it and delete it (rm -rf ${logDirs}) to start with an empty broker, or set TAIZHANG_DATA_DIR to another folder`,
  );

/**
 * Formats the storage once; an existing meta.properties means it already is. The cluster id we
 * formatted with is kept beside the data, so that data copied in from another cluster is noticed.
 */
const formatStorage = (java) => {
  const meta = readMetaProperties();
  if (meta) {
    if (meta['node.id'] !== undefined && meta['node.id'] !== '1') {
      throw staleDataDir(`belongs to another node (node.id=${meta['node.id']})`);
    }
    const known = fs.existsSync(clusterIdFile) && fs.readFileSync(clusterIdFile, 'utf8').trim();
    if (known && known !== meta['cluster.id']) {
      throw staleDataDir(
        `belongs to another cluster (id ${meta['cluster.id']}, expected ${known})`,
      );
    }
    if (!known) fs.writeFileSync(clusterIdFile, `${meta['cluster.id']}\n`);

    return;
  }
  const run = (args) => {
    try {
      return execFileSync(
        java,
        [log4jOption, '-cp', classpath(), 'kafka.tools.StorageTool', ...args],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    } catch (error) {
      console.error(`${error.stdout ?? ''}${error.stderr ?? ''}`);
      throw new Failure(`Kafka's StorageTool ${args[0]} failed (output above) for ${logDirs}`);
    }
  };
  const clusterId = run(['random-uuid']).trim().split('\n').pop();
  say(`formatting the storage in ${logDirs} (cluster id ${clusterId})`);
  run(['format', '-t', clusterId, '-c', propertiesFile, '--ignore-formatted']);
  fs.writeFileSync(clusterIdFile, `${clusterId}\n`);
};

const explainStartFailure = (log) => {
  if (/InconsistentClusterIdException|Invalid cluster\.id|wrong cluster/i.test(log)) {
    return staleDataDir('belongs to another cluster id');
  }
  if (/Address already in use/i.test(log)) {
    return new Failure(
      `Port ${port} or ${controllerPort} on ${host} is already in use by another program; stop it or set KAFKA_PORT and KAFKA_CONTROLLER_PORT to free ports`,
    );
  }
  if (/lock file|Failed to acquire lock/i.test(log)) {
    return new Failure(
      `Another Kafka broker already uses the data directory ${logDirs}; stop it with "node infra/kafka/kafka.mjs stop" or set TAIZHANG_DATA_DIR to another folder`,
    );
  }

  return new Failure(`The Kafka broker did not start; its log is ${brokerOut}`);
};

const awaitReady = async (pid) => {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if ((await probe(host, port)) === 'kafka') return;
    if (pid !== undefined && !isAlive(pid)) {
      fs.rmSync(pidFile, { force: true });
      const log = tail(brokerOut);
      console.error(log);
      throw explainStartFailure(log);
    }
    await sleep(500);
  }
  console.error(tail(brokerOut));
  throw new Failure(
    `The Kafka broker did not answer on ${host}:${port} within ${startTimeoutMs / 1000}s; the last lines of ${brokerOut} are above`,
  );
};

const startBroker = async () => {
  const java = javaBinary();
  checkPrerequisites(java);
  if ((await probe(host, controllerPort)) !== 'closed') {
    throw new Failure(
      `The Kafka controller port ${controllerPort} on ${host} is already taken by another program; stop it or set KAFKA_CONTROLLER_PORT to a free port`,
    );
  }
  fs.mkdirSync(logsDir, { recursive: true });
  fetchJars();
  writeServerProperties();
  formatStorage(java);
  const out = fs.openSync(brokerOut, 'a');
  const broker = spawn(
    java,
    [
      '-Xms512m',
      '-Xmx1g',
      '-server',
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      `-Dkafka.logs.dir=${logsDir}`,
      log4jOption,
      '-cp',
      classpath(),
      'kafka.Kafka',
      propertiesFile,
    ],
    { detached: true, stdio: ['ignore', out, out], cwd: kafkaDir },
  );
  fs.closeSync(out);
  fs.writeFileSync(pidFile, `${broker.pid}\n`);
  broker.unref();
  say(`starting the broker on ${host}:${port} (pid ${broker.pid}, log ${brokerOut})`);
  await awaitReady(broker.pid);
  say(`ready on ${host}:${port}`);
};

const checkGivenBrokers = async (brokers) => {
  const answers = await Promise.all(
    brokers.split(',').map(async (broker) => {
      const url = new URL(`kafka://${broker.trim()}`);

      return probe(url.hostname, Number(url.port || 9092));
    }),
  );
  if (!answers.includes('kafka')) {
    throw new Failure(
      `No Kafka broker answers at KAFKA_BROKERS=${brokers}; start that cluster, or unset KAFKA_BROKERS to run the bundled broker`,
    );
  }
  say(`using KAFKA_BROKERS=${brokers}`);
};

const ensure = async () => {
  if (process.env.KAFKA_BROKERS) return checkGivenBrokers(process.env.KAFKA_BROKERS);
  const answer = await probe(host, port);
  if (answer === 'kafka') {
    const pid = ourBrokerPidOnPort();
    say(
      `reusing the broker on ${host}:${port}${pid ? ` (pid ${pid})` : ' (not started by this project)'}`,
    );

    return;
  }
  if (answer === 'other') {
    throw new Failure(
      `Port ${port} on ${host} is taken by a program that is not Kafka; stop it or set KAFKA_PORT to a free port`,
    );
  }
  const pid = ourBrokerPid();
  const runningPort = pid === undefined ? undefined : portInProperties();
  if (runningPort !== undefined && runningPort !== port) {
    throw new Failure(
      `The Kafka data directory ${logDirs} is already used by this project's broker on port ${runningPort} (pid ${pid}); stop it with "node infra/kafka/kafka.mjs stop" or set TAIZHANG_DATA_DIR to another folder`,
    );
  }
  if (pid !== undefined) {
    // Started moments ago, by us or a parallel run: wait for it rather than start a second one.
    say(`waiting for the broker already starting (pid ${pid})`);
    await awaitReady(pid);
    say(`ready on ${host}:${port}`);

    return;
  }
  await startBroker();
};

const stop = async () => {
  const pid = ourBrokerPid();
  if (pid === undefined) {
    const answer = await probe(host, port);
    say(
      answer === 'kafka'
        ? `the broker on ${host}:${port} was not started by this project (no pid file in ${kafkaDir}); left running`
        : 'no broker of this project is running',
    );

    return;
  }
  say(`stopping the broker (pid ${pid})`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + stopTimeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(250);
  if (isAlive(pid)) {
    say(`still running after ${stopTimeoutMs / 1000}s; killing it`);
    process.kill(pid, 'SIGKILL');
    while (isAlive(pid)) await sleep(100);
  }
  fs.rmSync(pidFile, { force: true });
  say('stopped');
};

const status = async () => {
  if (process.env.KAFKA_BROKERS) return checkGivenBrokers(process.env.KAFKA_BROKERS);
  const answer = await probe(host, port);
  const pid = ourBrokerPidOnPort();
  if (answer === 'kafka') {
    say(
      `running on ${host}:${port}${pid ? ` (pid ${pid}, data ${kafkaDir})` : ' (not started by this project)'}`,
    );

    return;
  }
  if (answer === 'other')
    throw new Failure(`Port ${port} on ${host} is taken by a program that is not Kafka`);
  say(pid ? `starting (pid ${pid}), not answering yet on ${host}:${port}` : 'not running');
  process.exitCode = 3;
};

const commands = { ensure, stop, status };
const command = commands[process.argv[2]];
if (!command) {
  console.error('usage: node infra/kafka/kafka.mjs ensure|stop|status');
  process.exit(2);
}
try {
  await command();
} catch (error) {
  if (!(error instanceof Failure)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
