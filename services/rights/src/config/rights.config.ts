import { z } from 'zod';

import { baseEnvSchema, PlatformConfig } from '@taizhang/bootstrap';

export const rightsEnvSchema = baseEnvSchema.extend({
  PORT: z.coerce.number().int().default(3002),
  CLOCK_INTERVAL_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(1_000, 'must be at least 1000 (one second)')
    .default(60_000)
    .describe('how often the legal clocks (arbitration eligibility, answer to a request) run'),
});

/** The rights service's configuration: the platform's, plus how often its clocks run. */
export class RightsConfig extends PlatformConfig {
  readonly clocks: { readonly intervalMs: number };

  constructor(env: z.output<typeof rightsEnvSchema>) {
    super(env);
    this.clocks = { intervalMs: env.CLOCK_INTERVAL_MS };
  }
}
