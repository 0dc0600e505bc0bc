/**
 * Whether the demo region and its accounts (published password) may be seeded. `npm start`
 * defaults to demo mode so that a fresh clone shows something; production never seeds it, and
 * TAIZHANG_DEMO=false leaves it out anywhere. docker compose seeds only with TAIZHANG_DEMO=true.
 */
export interface DemoMode {
  on: boolean;
  /** One sentence for the screen: why demo mode is on or off and how to change it. */
  reason: string;
}

export class DemoModeError extends Error {}

export const demoMode = (
  env: NodeJS.ProcessEnv,
  { defaultOn }: { defaultOn: boolean },
): DemoMode => {
  const given = env['TAIZHANG_DEMO']?.trim().toLowerCase();
  if (given !== undefined && given !== '' && given !== 'true' && given !== 'false')
    throw new DemoModeError(`TAIZHANG_DEMO must be true or false, not "${env['TAIZHANG_DEMO']}"`);
  if (env['NODE_ENV'] === 'production')
    return {
      on: false,
      reason: 'Demo mode is off (NODE_ENV=production): no demo region and no demo accounts.',
    };
  if (given === 'false')
    return {
      on: false,
      reason: 'Demo mode is off (TAIZHANG_DEMO=false): no demo region and no demo accounts.',
    };
  if (given === 'true' || defaultOn)
    return {
      on: true,
      reason:
        'Demo mode is on: the demo region and its accounts with the published demo password are seeded (TAIZHANG_DEMO=false leaves them out).',
    };

  return {
    on: false,
    reason: 'Demo mode is off (TAIZHANG_DEMO=true seeds the demo region and its accounts).',
  };
};

/** For the seed scripts themselves: they refuse to run outside demo mode. */
export const requireDemoMode = (env: NodeJS.ProcessEnv = process.env): void => {
  const mode = demoMode(env, { defaultOn: false });
  if (!mode.on)
    throw new DemoModeError(
      `${mode.reason} The demo seed runs only in demo mode (TAIZHANG_DEMO=true, never with NODE_ENV=production).`,
    );
};
