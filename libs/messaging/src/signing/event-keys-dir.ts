import path from 'node:path';

type Env = Record<string, string | undefined>;

/**
 * Where services keep their event-signing key pairs: `<TAIZHANG_DATA_DIR, else .data>/keys/events`,
 * from the working directory (beside the gateway's token keys in `keys/`).
 */
export const eventKeysDir = (env: Env = process.env): string =>
  path.resolve(env['TAIZHANG_DATA_DIR'] || '.data', 'keys', 'events');

export const eventPrivateKeyFile = (service: string): string => `${service}-private.pem`;
export const eventPublicKeyFile = (service: string): string => `${service}-public.pem`;

/** The prefix of a service's key variables: `hardship-aid` → `HARDSHIP_AID`. */
export const envPrefixOf = (service: string): string => service.toUpperCase().replaceAll('-', '_');

// A PEM in an environment variable often arrives with its newlines written as "\n".
export const unescapePem = (pem: string): string => pem.replace(/\\n/g, '\n').trim();
