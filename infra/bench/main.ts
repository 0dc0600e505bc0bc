import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Client } from 'pg';

import { TOPIC_PARTITIONS } from '@taizhang/contracts';
import { testInfrastructure } from '@taizhang/testing';

import { benchAppends } from './append-bench';
import { benchImport } from './import-bench';
import { benchJoins } from './join-bench';
import { benchLatency } from './latency-bench';
import { round } from './measure';
import { benchRelay } from './relay-bench';
import { benchRightsWrk, rightsWrkSection } from './rights-wrk';
import { benchSummary } from './summary-bench';
import { benchVerify } from './verify-bench';
import {
  BENCHMARKS_FILE,
  keptWrkSection,
  withoutRightsSection,
  withRightsSection,
} from './wrk-section';

const numberFrom = (name: string, fallback: number): number =>
  Number(process.env[name] ?? fallback);

const machine = async (): Promise<string> => {
  const client = new Client({ connectionString: testInfrastructure().postgresAdminUrl });
  await client.connect();
  const postgres = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!
    .server_version;
  await client.end();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();

  return `${os.cpus().length} × ${cpu}, ${round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, PostgreSQL ${postgres}, Apache Kafka 3.9.1 (one broker), commit ${commit}`;
};

const main = async (): Promise<void> => {
  const seconds = numberFrom('BENCH_SECONDS', 5);
  const relayEvents = numberFrom('BENCH_RELAY_EVENTS', 20_000);
  const rate = numberFrom('BENCH_RATE', 200);
  const latencySeconds = numberFrom('BENCH_LATENCY_SECONDS', 15);
  const importRows = numberFrom('BENCH_IMPORT_ROWS', 100_000);
  const verifyEvents = numberFrom('BENCH_VERIFY_EVENTS', 200_000);

  console.log(`appends: ${seconds} s per measurement…`);
  const appends = await benchAppends(seconds);
  console.log(`joins over HTTP: 16 clients for ${seconds} s…`);
  const joins = await benchJoins(seconds, 16);
  console.log(`member import: ${importRows} rows…`);
  const imports = await benchImport(importRows);
  console.log(`relay: ${relayEvents} events…`);
  const relay = await benchRelay(relayEvents);
  console.log(`integrity verification: ${verifyEvents} events…`);
  const verify = await benchVerify(verifyEvents);
  console.log(`latency: ${rate} joins/s for ${latencySeconds} s…`);
  const latency = await benchLatency(rate, latencySeconds);
  const summarySamples = numberFrom('BENCH_SUMMARY_SAMPLES', 1000);
  console.log(`summary: seeding the large region, then ${summarySamples} requests each…`);
  const summary = await benchSummary(summarySamples);
  console.log('rights: dispute registrations under wrk…');
  const rights = await benchRightsWrk();

  const ms = (value: number) => `${round(value)} ms`;
  const verifyRate = verify.events / verify.verifySeconds;
  const plain16 = appends.find((f) => f.concurrency === 16)!.plainInsertPerSecond;
  const report = `# Benchmarks

Produced by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.
Machine: ${await machine()}.
Settings: BENCH_SECONDS=${seconds}, BENCH_RELAY_EVENTS=${relayEvents}, BENCH_RATE=${rate}, BENCH_LATENCY_SECONDS=${latencySeconds}, BENCH_IMPORT_ROWS=${importRows}, BENCH_SUMMARY_SAMPLES=${summarySamples}, BENCH_VERIFY_EVENTS=${verifyEvents}.
Every figure is measured against a baseline taken in the same run; ratios compare the two.

## 1. Appends through \`handleCommand\`

Single-event commands (a member joining, each into a new stream: idempotency check, stream lock
and read, decide, hash chain, append, stream head) against a plain \`pg\` INSERT of the same row
into a table with the same columns and indexes.

| callers | handleCommand / s | plain INSERT / s | ratio |
|---:|---:|---:|---:|
${appends
  .map(
    (f) =>
      `| ${f.concurrency} | ${round(f.handleCommandPerSecond, 0)} | ${round(f.plainInsertPerSecond, 0)} | ${round(f.handleCommandPerSecond / f.plainInsertPerSecond, 2)} |`,
  )
  .join('\n')}

## 2. Member joins over HTTP, 16 clients (goal: 2,000 / s)

\`POST /unions/:id/members\` from ${joins.concurrency} clients at once for ${seconds} s, each join a new
person (ID card checks, the union read, encryption under a new key, group commit), against two
baselines of the same run: the plain INSERT of the same row with 16 callers in § 1 (the raw
append figure), and the same route refusing a body without a name (400: HTTP, the token check,
validation and logging, no database work), the floor of any request on this machine.

| joins | joins / s | plain INSERT / s (16 callers) | ratio | refused joins (400) / s | ratio |
|---:|---:|---:|---:|---:|---:|
| ${joins.joins} | ${round(joins.joinsPerSecond, 0)} | ${round(plain16, 0)} | ${round(joins.joinsPerSecond / plain16, 2)} | ${round(joins.refusedPerSecond, 0)} | ${round(joins.joinsPerSecond / joins.refusedPerSecond, 2)} |

## 3. Member import from a sheet

A ${imports.rows}-row member sheet (${round(imports.workbookBytes / 2 ** 20, 1)} MiB, every column filled) through
\`POST /unions/:id/members/import\` (answered 202 at once) until its job is done (its event stream
ends), against reading every cell of the same
workbook with exceljs's streaming reader alone.

| rows | import rows / s | parsing alone rows / s | ratio |
|---:|---:|---:|---:|
| ${imports.rows} | ${round(imports.importRowsPerSecond, 0)} | ${round(imports.parseRowsPerSecond, 0)} | ${round(imports.importRowsPerSecond / imports.parseRowsPerSecond, 2)} |

## 4. Outbox relay to Kafka

${relay.events} stored events published in commit order (batches of 500, idempotent producer,
acks=all, checkpoint after each batch) against a bare kafkajs producer sending the same messages
with the same settings.

| relay events / s | bare producer events / s | ratio |
|---:|---:|---:|
| ${round(relay.relayPerSecond, 0)} | ${round(relay.bareProducerPerSecond, 0)} | ${round(relay.relayPerSecond / relay.bareProducerPerSecond, 2)} |

## 5. From \`POST /unions/:id/members\` to the reporting summary

${latency.commands} joins sent open-loop at a steady ${latency.rate}/s to organisation; the
municipal summary on reporting is polled continuously. "Acknowledged" is the HTTP answer of the
command (the baseline); "visible" is until the summary counts the join.

| | p50 | p95 | p99 |
|---|---:|---:|---:|
| acknowledged (201) | ${ms(latency.acknowledged.p50)} | ${ms(latency.acknowledged.p95)} | ${ms(latency.acknowledged.p99)} |
| visible in the summary | ${ms(latency.visible.p50)} | ${ms(latency.visible.p95)} | ${ms(latency.visible.p99)} |
| ratio visible / acknowledged | ${round(latency.visible.p50 / latency.acknowledged.p50, 2)} | ${round(latency.visible.p95 / latency.acknowledged.p95, 2)} | ${round(latency.visible.p99 / latency.acknowledged.p99, 2)} |

## 6. Municipal summary of the large region (goal: p99 < 10 ms)

\`infra/seed/large-region.ts\` built ${summary.region.unions} unions and ${summary.region.members} members
(with one employer per union) in reporting's read model through its projections in
${round(summary.region.seconds, 0)} s; one street moved on ${summary.region.movedOn}. Then
${summary.samples} sequential \`GET /reports/org-units/:id/summary\` per row against reporting as its
own process without Redis (no answer cached; the last two rows: with its answer cache, every request but the first answered from Redis);
\`GET /health\` and one union's summary are the baselines.

| request | p50 | p95 | p99 |
|---|---:|---:|---:|
| \`GET /health\` (baseline) | ${ms(summary.health.p50)} | ${ms(summary.health.p95)} | ${ms(summary.health.p99)} |
| one union's summary (baseline) | ${ms(summary.unionSummary.p50)} | ${ms(summary.unionSummary.p95)} | ${ms(summary.unionSummary.p99)} |
| municipal summary, now | ${ms(summary.municipalNow.p50)} | ${ms(summary.municipalNow.p95)} | ${ms(summary.municipalNow.p99)} |
| municipal summary, \`?asOf=${summary.asOf}\` | ${ms(summary.municipalAsOf.p50)} | ${ms(summary.municipalAsOf.p95)} | ${ms(summary.municipalAsOf.p99)} |
| municipal summary, \`?asOf=${summary.asOf}&knownAt=${summary.knownAt}\` | ${ms(summary.municipalKnownAt.p50)} | ${ms(summary.municipalKnownAt.p95)} | ${ms(summary.municipalKnownAt.p99)} |
| municipal children, now (the dashboard's table of the city: its districts) | ${ms(summary.municipalChildren.p50)} | ${ms(summary.municipalChildren.p95)} | ${ms(summary.municipalChildren.p99)} |
| ratio municipal now / union | ${round(summary.municipalNow.p50 / summary.unionSummary.p50, 2)} | ${round(summary.municipalNow.p95 / summary.unionSummary.p95, 2)} | ${round(summary.municipalNow.p99 / summary.unionSummary.p99, 2)} |
| municipal summary, now, from reporting's Redis cache | ${ms(summary.municipalNowCached.p50)} | ${ms(summary.municipalNowCached.p95)} | ${ms(summary.municipalNowCached.p99)} |
| ratio cached / uncached municipal now | ${round(summary.municipalNowCached.p50 / summary.municipalNow.p50, 2)} | ${round(summary.municipalNowCached.p95 / summary.municipalNow.p95, 2)} | ${round(summary.municipalNowCached.p99 / summary.municipalNow.p99, 2)} |

## 7. Integrity verification (\`npm run audit -- verify\`)

organisation's store with ${verify.events} events in ${verify.streams} member streams of four (joined with
encrypted personal data, transferred, membership retained, left), appended by \`handleCommands\`
a thousand members per transaction, published by the outbox relay (signed) to a topic of
${TOPIC_PARTITIONS} partitions, then checkpointed (signed). Timed: what \`npm run audit -- verify\` runs for the
service (\`verifyStore\`: the hash chains, the checkpoint, and every message of the topic, its
Ed25519 signature checked and compared with the store), against two baselines of the same run:
every event row read with a plain \`SELECT\` in verify's batches of 5,000, and every message of the
topic read by a bare kafkajs consumer.

| events | verify | verify events / s | plain SELECT rows / s | ratio | bare consumer messages / s | ratio |
|---:|---:|---:|---:|---:|---:|---:|
| ${verify.events} | ${round(verify.verifySeconds)} s | ${round(verifyRate, 0)} | ${round(verify.selectRowsPerSecond, 0)} | ${round(verifyRate / verify.selectRowsPerSecond, 2)} | ${round(verify.consumerMessagesPerSecond, 0)} | ${round(verifyRate / verify.consumerMessagesPerSecond, 2)} |

Where the time goes (from verify's progress reports, one per batch of its walk):

| part | seconds | events / s | baseline / s | ratio |
|---|---:|---:|---:|---:|
| before the walk: the key, the checkpoints, every topic message read and its signature checked | ${round(verify.beforeWalkSeconds)} | ${round(verify.events / verify.beforeWalkSeconds, 0)} | ${round(verify.consumerMessagesPerSecond, 0)} (bare consumer) | ${round(verify.events / verify.beforeWalkSeconds / verify.consumerMessagesPerSecond, 2)} |
| the walk: every event's hash and chain, against the heads, the checkpoint and the topic | ${round(verify.walkSeconds)} | ${round(verify.events / verify.walkSeconds, 0)} | ${round(verify.selectRowsPerSecond, 0)} (plain SELECT) | ${round(verify.events / verify.walkSeconds / verify.selectRowsPerSecond, 2)} |
`;
  fs.mkdirSync(path.dirname(BENCHMARKS_FILE), { recursive: true });
  // The wrk figures come from npm run bench:wrk (infra/bench/wrk.ts): kept as they are.
  const wrkSection = withoutRightsSection(keptWrkSection());
  const rightsSection = rightsWrkSection(rights, 'npm run bench');
  fs.writeFileSync(
    BENCHMARKS_FILE,
    withRightsSection(wrkSection ? `${report.trimEnd()}\n\n${wrkSection}` : report, rightsSection),
  );
  console.log(`${report}\n${rightsSection}`);
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      `The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
