import { randomBytes } from 'node:crypto';

/**
 * Personal-data keys of one test run, as organisation reads them (it has no built-in keys): a
 * master key ring of one key and a blind-index key, random each time.
 */
export const testPersonalDataKeys = (): Record<
  'PERSONAL_DATA_MASTER_KEYS' | 'PERSONAL_DATA_INDEX_KEY',
  string
> => ({
  PERSONAL_DATA_MASTER_KEYS: `test-${randomBytes(4).toString('hex')}:${randomBytes(32).toString('base64')}`,
  PERSONAL_DATA_INDEX_KEY: randomBytes(32).toString('base64'),
});
