import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Topics } from '@taizhang/contracts';
import { eventually, postJson, startServices } from '@taizhang/testing';

import { benchUnions } from './join-bench';
import { round } from './measure';
import type { WrkResult } from './wrk-run';
import { CONNECTIONS, SECONDS, staticPost, THREADS, wrk } from './wrk-run';

/** A dispute of a union's workers as its mediation committee accepts it (a new one each request). */
const disputeBody = (unionId: string) => ({
  unionId,
  category: 'overtime',
  claimants: [{ name: '王芳' }, { name: '李雷' }],
  amountClaimedFen: 1_200_000,
  acceptedOn: '2026-01-05',
});

export interface RightsWrkFigures {
  rounds: { live: WrkResult; disputes: WrkResult }[];
}

/**
 * Dispute registrations over HTTP (`POST /disputes`, 16 connections, wrk) against the rights
 * service's own `GET /health/live` in the same run: organisation and rights as the e2e tests
 * start them (from dist/), 20 unions recorded in organisation and taken into rights' org tree
 * from its topic, then `rounds` pairs of wrk runs, live first.
 */
export const benchRightsWrk = async (rounds = 2): Promise<RightsWrkFigures> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-rights-wrk-'));
  const running = await startServices(['organisation', 'rights'], [Topics.organisation]);
  try {
    const url = running.urls['rights']!;
    const pid = running.pids['rights']!;
    const { unions, officer } = await benchUnions(running, 20);
    // Rights knows a union once its replica of the org tree took it from organisation's topic.
    const last = unions[unions.length - 1]!;
    await eventually(
      async () => (await postJson(`${url}/disputes`, disputeBody(last), officer)).status,
      (status) => status === 201,
      60_000,
    );
    const script = path.join(dir, 'disputes.lua');
    fs.writeFileSync(script, staticPost(officer, disputeBody(unions[0]!)));
    const measured: RightsWrkFigures['rounds'] = [];
    for (let n = 0; n < rounds; n += 1) {
      console.log(`rights, round ${n + 1}: GET /health/live…`);
      const live = wrk(pid, `${url}/health/live`);
      console.log(`rights, round ${n + 1}: POST /disputes…`);
      const disputes = wrk(pid, `${url}/disputes`, script);
      if (live.non2xx > 0) throw new Error(`${live.non2xx} of GET /health/live were not 200`);
      if (disputes.non2xx > 0) throw new Error(`${disputes.non2xx} disputes were not registered`);
      measured.push({ live, disputes });
    }

    return { rounds: measured };
  } finally {
    await running.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

/** The section of docs/benchmarks.md, naming the command that produced it. */
export const rightsWrkSection = (figures: RightsWrkFigures, command: string): string => {
  const ratio = (part: number, whole: number) => round(part / whole, 2);

  return `Produced by \`${command}\` (infra/bench/rights-wrk.ts) on ${new Date().toISOString().slice(0, 10)}:
${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node.js ${process.version}, load average ${round(os.loadavg()[0]!, 1)} at the end
(the machine is shared: the ratio to \`GET /health/live\` of the same service is what compares).

organisation and rights as the e2e tests start them (from dist/, databases and topics of their
own), 20 unions recorded in organisation and taken into rights' org tree from its topic, a city
officer's token; then \`wrk -t${THREADS} -c${CONNECTIONS} -d${SECONDS}s\` against rights, in ${figures.rounds.length} rounds:
\`GET /health/live\`, then \`POST /disputes\` (a new dispute each request, two claimants named
without membership: HTTP, the token check, validation, the union placed by the org tree replica
and checked in scope, the rules in force read, decided, appended in one transaction). Requests
per second and per CPU-second of rights' process, registrations with their ratio to
\`GET /health/live\`'s in brackets:

| round | live / s | live / CPU-s | disputes / s | disputes / CPU-s |
|---:|---:|---:|---:|---:|
${figures.rounds
  .map(
    ({ live, disputes }, n) =>
      `| ${n + 1} | ${round(live.perSecond, 0)} | ${round(live.perCpuSecond, 0)} | ${round(disputes.perSecond, 0)} (${ratio(disputes.perSecond, live.perSecond)}) | ${round(disputes.perCpuSecond, 0)} (${ratio(disputes.perCpuSecond, live.perCpuSecond)}) |`,
  )
  .join('\n')}
`;
};
