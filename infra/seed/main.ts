import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { REPO_ROOT } from '../services';
import { demoMode } from './demo-mode';

/**
 * The whole demo seed in its order, for `npm start` and docker compose's `seed` step: only in
 * demo mode (TAIZHANG_DEMO=true and not NODE_ENV=production); otherwise it says so and ends
 * without seeding anything. After the federations, which the gateway learns from organisation's
 * topic: their officers' accounts, the employers (by the streets' officers) and the unions with
 * the employers they cover, the unions' cadres' accounts, then the members, recorded by those
 * cadres.
 */
const STEPS: [string, string[]][] = [
  ['infra/seed/demo-region.ts', []],
  ['infra/seed/demo-users.ts', ['federation']],
  ['infra/seed/demo-unions.ts', []],
  ['infra/seed/demo-users.ts', ['unions']],
  ['infra/seed/demo-members.ts', []],
  ['infra/seed/demo-structure.ts', []],
  ['infra/seed/demo-lists.ts', []],
  ['infra/seed/demo-records.ts', []],
  ['infra/seed/demo-rights.ts', []],
  ['infra/seed/demo-contracts.ts', []],
  ['infra/seed/demo-protection.ts', []],
  ['infra/seed/demo-hotline.ts', []],
  ['infra/seed/demo-disclosure.ts', []],
  ['infra/seed/demo-lifecycle.ts', []],
  ['infra/seed/demo-reports.ts', []],
  ['infra/seed/demo-late-entry.ts', []],
];

const main = (): number => {
  const mode = demoMode(process.env, { defaultOn: false });
  console.log(mode.reason);
  if (!mode.on) return 0;
  for (const [file, args] of STEPS) {
    const { status } = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', path.join(REPO_ROOT, file), ...args],
      { cwd: REPO_ROOT, stdio: 'inherit', env: process.env },
    );
    if (status !== 0) return status ?? 1;
  }

  return 0;
};

process.exitCode = main();
