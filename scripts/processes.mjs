// Small process helpers shared by the start, stop and broker scripts (builtins only: they run
// before node_modules exists).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a process with this pid exists (EPERM: it exists but belongs to someone else). */
export const isAlive = (pid) => {
  try {
    process.kill(pid, 0);

    return true;
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
