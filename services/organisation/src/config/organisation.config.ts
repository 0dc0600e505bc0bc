import fs from 'node:fs';

import { z } from 'zod';

import { baseEnvSchema, PlatformConfig } from '@taizhang/bootstrap';

import { MasterKeyRingSource, parseMasterKeyRing } from './master-key-ring';

const key32 = (what: string) =>
  z
    .base64('must be 32 bytes in base64 (openssl rand -base64 32)')
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64')
    .optional()
    .describe(what);

const MASTER_KEYS =
  'the master key ring that wraps every person’s data key: <id>:<32 bytes in base64> entries, the current one first (npm start generates one into .data/keys/personal-data/)';
const INDEX_KEY =
  'the key of the blind index of ID card numbers, 32 bytes in base64 (npm start generates one into .data/keys/personal-data/); it names members, never change it alone';

const readable = (file: string): string | { problem: string } => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { problem: (error as Error).message };
  }
};

// The master key ring from PERSONAL_DATA_MASTER_KEYS, else from the file named by
// PERSONAL_DATA_MASTER_KEYS_FILE (read again by the service whenever it changes).
const masterKeysFrom = (env: {
  PERSONAL_DATA_MASTER_KEYS?: string | undefined;
  PERSONAL_DATA_MASTER_KEYS_FILE?: string | undefined;
}): { text: string } | { file: string } | undefined =>
  env.PERSONAL_DATA_MASTER_KEYS
    ? { text: env.PERSONAL_DATA_MASTER_KEYS }
    : env.PERSONAL_DATA_MASTER_KEYS_FILE
      ? { file: env.PERSONAL_DATA_MASTER_KEYS_FILE }
      : undefined;

export const organisationEnvSchema = baseEnvSchema
  .extend({
    PORT: z.coerce.number().int().default(3001),
    PERSONAL_DATA_MASTER_KEYS: z.string().optional().describe(MASTER_KEYS),
    PERSONAL_DATA_MASTER_KEYS_FILE: z
      .string()
      .optional()
      .describe('a file holding PERSONAL_DATA_MASTER_KEYS, one entry a line'),
    PERSONAL_DATA_INDEX_KEY: key32(INDEX_KEY),
    PERSONAL_DATA_INDEX_KEY_FILE: z
      .string()
      .optional()
      .describe('a file holding PERSONAL_DATA_INDEX_KEY'),
    TERM_CLOCK_INTERVAL_MS: z.coerce
      .number({ error: 'must be a number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(1_000, 'must be at least 1000 (one second)')
      .default(60_000)
      .describe('how often the term clock looks for committee terms that ran out'),
  })
  .superRefine((env, context) => {
    // No built-in keys: without its keys the service does not start (nothing fails open).
    const masterKeys = masterKeysFrom(env);
    if (!masterKeys)
      context.addIssue({ code: 'custom', path: ['PERSONAL_DATA_MASTER_KEYS'], message: '' });
    else {
      const text = 'text' in masterKeys ? masterKeys.text : readable(masterKeys.file);
      const variable =
        'text' in masterKeys ? 'PERSONAL_DATA_MASTER_KEYS' : 'PERSONAL_DATA_MASTER_KEYS_FILE';
      try {
        if (typeof text !== 'string') throw new Error(`cannot be read (${text.problem})`);
        parseMasterKeyRing(text);
      } catch (error) {
        context.addIssue({ code: 'custom', path: [variable], message: (error as Error).message });
      }
    }
    if (env.PERSONAL_DATA_INDEX_KEY) return;
    if (!env.PERSONAL_DATA_INDEX_KEY_FILE) {
      context.addIssue({ code: 'custom', path: ['PERSONAL_DATA_INDEX_KEY'], message: '' });

      return;
    }
    const text = readable(env.PERSONAL_DATA_INDEX_KEY_FILE);
    if (typeof text !== 'string')
      context.addIssue({
        code: 'custom',
        path: ['PERSONAL_DATA_INDEX_KEY_FILE'],
        message: `cannot be read (${text.problem})`,
      });
    else if (Buffer.from(text.trim(), 'base64').length !== 32)
      context.addIssue({
        code: 'custom',
        path: ['PERSONAL_DATA_INDEX_KEY_FILE'],
        message: 'must hold 32 bytes in base64 (openssl rand -base64 32)',
      });
  });

/** The organisation service's configuration: the platform's, plus the personal-data keys. */
export class OrganisationConfig extends PlatformConfig {
  /** How often the term clock (换届预警) runs. */
  readonly termClock: { readonly intervalMs: number };
  readonly personalData: {
    readonly masterKeys: MasterKeyRingSource;
    readonly indexKey: Buffer;
  };

  constructor(env: z.output<typeof organisationEnvSchema>) {
    super(env);
    this.termClock = { intervalMs: env.TERM_CLOCK_INTERVAL_MS };
    const indexKey =
      env.PERSONAL_DATA_INDEX_KEY ?? fs.readFileSync(env.PERSONAL_DATA_INDEX_KEY_FILE!, 'utf8');
    this.personalData = {
      masterKeys: new MasterKeyRingSource(masterKeysFrom(env)!),
      indexKey: Buffer.from(indexKey.trim(), 'base64'),
    };
  }
}
