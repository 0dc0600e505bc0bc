// `npm run bench:wrk [-- sources|dist]`: one organisation service started as the e2e tests start
// it (own database and topics, keys of the run), then wrk, 16 connections on 2 threads for
// WRK_SECONDS (10) each: GET /health/live, a refused join (400: no name) and accepted joins (a new
// person each, from a file of bodies the Lua script walks). Both ways of running the service by
// default, alternating for WRK_ROUNDS (2): `sources` (TypeScript compiled at start-up, source maps
// on) and `dist` (the built output npm start runs). Writes § 8 of docs/benchmarks.md. Not part of
// npm test; needs wrk (apt-get install wrk).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Topics } from '@taizhang/contracts';
import { startServices, testIdCardNumber } from '@taizhang/testing';

import { benchUnions, joinBody } from './join-bench';
import { round } from './measure';
import type { WrkResult } from './wrk-run';
import { CONNECTIONS, luaString, SECONDS, staticPost, THREADS, wrk } from './wrk-run';
import { writeWrkSection } from './wrk-section';

/** More bodies than the fastest run can send: each join must be a new person. */
const JOIN_BODIES = 40_000;

/**
 * A wrk script sending line after line of `bodiesFile` ("path<TAB>body"): thread t of n sends
 * lines t, t + n, t + 2n, …, so no two requests carry the same person.
 */
const postEachLine = (headers: Record<string, string>, bodiesFile: string) => `
local next_thread = 0
function setup(thread)
  thread:set("thread_index", next_thread)
  thread:set("thread_count", ${THREADS})
  next_thread = next_thread + 1
end
function init(args)
  lines = {}
  for line in io.lines(${luaString(bodiesFile)}) do lines[#lines + 1] = line end
  sent = thread_index
  headers = {}
${Object.entries({ ...headers, 'content-type': 'application/json' })
  .map(([name, value]) => `  headers[${luaString(name)}] = ${luaString(value)}`)
  .join('\n')}
end
function request()
  local line = lines[sent + 1]
  sent = sent + thread_count
  local tab = string.find(line, "\\t", 1, true)
  return wrk.format("POST", string.sub(line, 1, tab - 1), headers, string.sub(line, tab + 1))
end
`;

interface Figures {
  from: string;
  /** From asking for the service (its database and topics too) until it answered /health. */
  startSeconds: number;
  live: WrkResult;
  refused: WrkResult;
  joins: WrkResult;
}

const measure = async (from: 'sources' | 'dist', dir: string): Promise<Figures> => {
  process.env['SERVICES_FROM'] = from;
  const asked = performance.now();
  const running = await startServices(['organisation'], [Topics.organisation]);
  const startSeconds = (performance.now() - asked) / 1000;
  try {
    const url = running.urls['organisation']!;
    const pid = running.pids['organisation']!;
    const { unions, officer } = await benchUnions(running, 20);
    const refusedScript = path.join(dir, `refused-${from}.lua`);
    fs.writeFileSync(
      refusedScript,
      staticPost(officer, { gender: 'female', idCardNumber: testIdCardNumber(0) }),
    );
    const bodiesFile = path.join(dir, `joins-${from}.txt`);
    fs.writeFileSync(
      bodiesFile,
      Array.from(
        { length: JOIN_BODIES },
        (_, n) => `/unions/${unions[n % unions.length]}/members\t${JSON.stringify(joinBody(n))}\n`,
      ).join(''),
    );
    const joinsScript = path.join(dir, `joins-${from}.lua`);
    fs.writeFileSync(joinsScript, postEachLine(officer, bodiesFile));

    console.log(`${from}: GET /health/live…`);
    const live = wrk(pid, `${url}/health/live`);
    console.log(`${from}: refused joins…`);
    const refused = wrk(pid, `${url}/unions/${unions[0]}/members`, refusedScript);
    console.log(`${from}: accepted joins…`);
    const joins = wrk(pid, url, joinsScript);
    if (live.non2xx > 0) throw new Error(`${live.non2xx} of GET /health/live were not 200`);
    if (refused.non2xx !== refused.requests)
      throw new Error(`${refused.requests - refused.non2xx} refused joins were accepted`);
    if (joins.non2xx > 0) throw new Error(`${joins.non2xx} joins were not accepted`);
    if (joins.requests >= JOIN_BODIES) throw new Error('more joins than bodies: raise JOIN_BODIES');

    return { from, startSeconds, live, refused, joins };
  } finally {
    await running.close();
  }
};

/** Requests per second and per CPU-second, with their ratios to GET /health/live's. */
const cells = (result: WrkResult, live: WrkResult) =>
  `${round(result.perSecond, 0)} (${round(result.perSecond / live.perSecond, 2)}) | ${round(result.perCpuSecond, 0)} (${round(result.perCpuSecond / live.perCpuSecond, 2)})`;

const row = ({ from, startSeconds, live, refused, joins }: Figures) =>
  `| ${from === 'sources' ? 'sources (before)' : 'dist (after)'} | ${round(startSeconds, 1)} | ${round(live.perSecond, 0)} | ${round(live.perCpuSecond, 0)} | ${cells(refused, live)} | ${cells(joins, live)} |`;

const commit = (): string => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

const main = async (): Promise<void> => {
  const asked = process.argv[2] as 'sources' | 'dist' | undefined;
  const rounds = Number(process.env['WRK_ROUNDS'] ?? 2);
  // Alternating, so that what else the machine runs meanwhile weighs on both ways alike.
  const ways = Array.from({ length: rounds }, () =>
    asked ? [asked] : (['sources', 'dist'] as const),
  ).flat();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-wrk-'));
  const load = os.loadavg()[0]!;
  try {
    const figures: Figures[] = [];
    for (const from of ways) figures.push(await measure(from, dir));
    const section = `Produced by \`npm run bench:wrk\` (infra/bench/wrk.ts) on ${new Date().toISOString().slice(0, 10)}, commit ${commit()}:
${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node.js ${process.version}, load average ${round(load, 1)} at the start
(the machine is shared: the ratios to \`GET /health/live\` of the same service are what compare).

One organisation service as the e2e tests start it (a database and topics of its own, the run's
keys), 20 unions, one officer's token; then \`wrk -t${THREADS} -c${CONNECTIONS} -d${SECONDS}s\` three times:
\`GET /health/live\`; a refused join (\`POST /unions/:id/members\` without a name, 400: HTTP, the
token check, validation, logging and the problem answer); accepted joins (a new person each, the
Lua script walking a file of bodies). \`sources\` runs the service as npm start ran it before
dist/ (\`node --enable-source-maps -r @swc-node/register services/organisation/src/main.ts\`,
SERVICES_FROM=sources), \`dist\` as it runs now (\`node dist/services/organisation/src/main.js\`);
the two alternate, ${rounds} round${rounds === 1 ? '' : 's'}. The time from asking for the service (with its new database and
topics) until it answered \`/health\`; then, for \`GET /health/live\`, refused joins (400) and accepted
joins (201), requests per second and requests per CPU-second of the service's process (all its
threads; PostgreSQL's work not counted), each with its ratio to \`GET /health/live\`'s in brackets:

| run from | start (s) | live / s | live / CPU-s | refused / s | refused / CPU-s | joins / s | joins / CPU-s |
|---|---:|---:|---:|---:|---:|---:|---:|
${figures.map(row).join('\n')}
`;
    writeWrkSection(section);
    console.log(`\n${section}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
