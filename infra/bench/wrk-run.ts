// wrk as the benchmarks run it (`npm run bench`, `bench:wrk`, `bench:rights`): 16 connections on
// 2 threads for WRK_SECONDS (10), with what the run cost the service's process in CPU time.
// `node scripts/setup.mjs wrk` (run by those npm scripts) installs Debian's wrk when missing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export const SECONDS = Number(process.env['WRK_SECONDS'] ?? 10);
export const CONNECTIONS = 16;
export const THREADS = 2;
export interface WrkResult {
  requests: number;
  perSecond: number;
  /** Answers other than 2xx or 3xx. */
  non2xx: number;
  /** Requests per second of CPU time the service's process spent (all its threads). */
  perCpuSecond: number;
}

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** The CPU time (user + system, seconds) process `pid` has used, from /proc (Linux). */
const cpuSeconds = (pid: number): number => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');

  // utime and stime, the 14th and 15th fields of the line.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
};

/**
 * wrk against `url`; also what it cost the service in CPU time, which other work on a shared
 * machine moves far less than the requests per second.
 */
export const wrk = (pid: number, url: string, script?: string): WrkResult => {
  const cpuBefore = cpuSeconds(pid);
  const output = execFileSync(
    'wrk',
    [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${SECONDS}s`, ...(script ? ['-s', script] : []), url],
    { encoding: 'utf8' },
  );
  const cpu = cpuSeconds(pid) - cpuBefore;
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? 0);
  const requests = number(/(\d+) requests in/);

  return {
    requests,
    perSecond: number(/Requests\/sec:\s+([\d.]+)/),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/),
    perCpuSecond: requests / cpu,
  };
};

export const luaString = (value: string) => JSON.stringify(value);

/** A wrk script sending the same POST every time. */
export const staticPost = (headers: Record<string, string>, body: unknown) => `
wrk.method = "POST"
wrk.body = ${luaString(JSON.stringify(body))}
${Object.entries({ ...headers, 'content-type': 'application/json' })
  .map(([name, value]) => `wrk.headers[${luaString(name)}] = ${luaString(value)}`)
  .join('\n')}
`;
