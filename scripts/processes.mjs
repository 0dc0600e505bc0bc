// Small process helpers shared by the start, stop and broker scripts (builtins only: they run
// before node_modules exists).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A process that exited but whose parent has not collected it yet (a zombie) runs no more.
const isZombie = (pid) => {
  try {
    return /^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

/** Whether a process with this pid runs (EPERM: it exists but belongs to someone else). */
export const isAlive = (pid) => {
  try {
    process.kill(pid, 0);

    return !isZombie(pid);
  } catch (error) {
    return error.code === 'EPERM';
  }
};

/** The command line of a process, to tell our own process from a stranger that reused its pid. */
export const commandLineOf = (pid) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    const ps = spawnSync('ps', ['-p', String(pid), '-o', 'args='], { encoding: 'utf8' });

    return ps.status === 0 ? ps.stdout : '';
  }
};

/**
 * Stops a process: SIGTERM, then SIGKILL if it still runs after `timeoutMs`. Resolves once it is
 * gone; true when it had to be killed.
 */
export const stopProcess = async (pid, timeoutMs = 20_000) => {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return false;
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (!isAlive(pid)) return false;
  process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(50);

  return true;
};
