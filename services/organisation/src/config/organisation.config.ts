import { createHash } from 'node:crypto';

import { z } from 'zod';

import { baseEnvSchema, PlatformConfig } from '@taizhang/bootstrap';

const key32 = (what: string) =>
  z
    .base64('must be 32 bytes in base64 (openssl rand -base64 32)')
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64')
    .optional()
    .describe(what);

export const organisationEnvSchema = baseEnvSchema
  .extend({
    PORT: z.coerce.number().int().default(3001),
    PERSONAL_DATA_MASTER_KEY: key32(
      'the master key that wraps every person’s data key (32 bytes, base64)',
    ),
    PERSONAL_DATA_MASTER_KEY_ID: z
      .string()
      .regex(/^[\w.-]{1,64}$/, 'must be a short name such as master-2026')
      .default('development')
      .describe('the name of the master key, stored beside every key it wraps'),
    PERSONAL_DATA_INDEX_KEY: key32(
      'the key of the blind index of ID card numbers (32 bytes, base64); it names members, never rotate it alone',
    ),
    TERM_CLOCK_INTERVAL_MS: z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(1_000, 'must be at least 1000 (one second)')
      .default(60_000)
      .describe('how often the term clock looks for committee terms that ran out'),
  })
  .superRefine((env, context) => {
    // Outside production a fixed development key keeps `npm start` and the tests simple.
    if (env.NODE_ENV !== 'production') return;
    for (const variable of ['PERSONAL_DATA_MASTER_KEY', 'PERSONAL_DATA_INDEX_KEY'] as const)
      if (!env[variable])
        context.addIssue({
          code: 'custom',
          path: [variable],
          message: 'is not set: production needs its own key (32 bytes, base64)',
        });
  });

const developmentKey = (purpose: string): Buffer =>
  createHash('sha256').update(`taizhang development ${purpose}, never for production`).digest();

/** The organisation service's configuration: the platform's, plus the personal-data keys. */
export class OrganisationConfig extends PlatformConfig {
  /** How often the term clock (换届预警) runs. */
  readonly termClock: { readonly intervalMs: number };
  readonly personalData: {
    readonly masterKey: Buffer;
    readonly masterKeyId: string;
    readonly indexKey: Buffer;
  };

  constructor(env: z.output<typeof organisationEnvSchema>) {
    super(env);
    this.termClock = { intervalMs: env.TERM_CLOCK_INTERVAL_MS };
    this.personalData = {
      masterKey: env.PERSONAL_DATA_MASTER_KEY
        ? Buffer.from(env.PERSONAL_DATA_MASTER_KEY, 'base64')
        : developmentKey('master key'),
      masterKeyId: env.PERSONAL_DATA_MASTER_KEY_ID,
      indexKey: env.PERSONAL_DATA_INDEX_KEY
        ? Buffer.from(env.PERSONAL_DATA_INDEX_KEY, 'base64')
        : developmentKey('blind index key'),
    };
  }
}
