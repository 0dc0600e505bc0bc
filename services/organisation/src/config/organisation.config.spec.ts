import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ConfigValidationError, loadConfig } from '@taizhang/bootstrap';

import { OrganisationConfig, organisationEnvSchema } from './organisation.config';

const base = {
  SERVICE_NAME: 'organisation',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/taizhang_organisation',
  KAFKA_BROKERS: '127.0.0.1:9092',
};
const ring = () => `test:${randomBytes(32).toString('base64')}`;
const indexKey = () => randomBytes(32).toString('base64');

const problemsOf = (env: Record<string, string>): string => {
  try {
    loadConfig(organisationEnvSchema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);

    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
};

// No built-in keys: without its own keys the service refuses to start, in every mode.
describe('organisation’s personal-data keys', () => {
  it.each<Record<string, string>>([{}, { NODE_ENV: 'development' }, { NODE_ENV: 'test' }])(
    'are required (%j), each missing one named',
    (mode) => {
      const problems = problemsOf({ ...base, ...mode });
      expect(problems).toContain('PERSONAL_DATA_MASTER_KEYS is not set');
      expect(problems).toContain('PERSONAL_DATA_INDEX_KEY is not set');
      expect(problemsOf({ ...base, ...mode, PERSONAL_DATA_INDEX_KEY: indexKey() })).toContain(
        'PERSONAL_DATA_MASTER_KEYS is not set',
      );
    },
  );

  it('are taken from the variables, or from the files npm start writes', () => {
    const fromValues = new OrganisationConfig(
      loadConfig(organisationEnvSchema, {
        ...base,
        PERSONAL_DATA_MASTER_KEYS: ring(),
        PERSONAL_DATA_INDEX_KEY: indexKey(),
      }),
    );
    expect(fromValues.personalData.masterKeys.ring().current.id).toBe('test');
    const dir = fs.mkdtempSync(path.join(tmpdir(), 'taizhang-keys-'));
    try {
      fs.writeFileSync(path.join(dir, 'master-keys'), `${ring()}\n`);
      fs.writeFileSync(path.join(dir, 'index-key'), `${indexKey()}\n`);
      const fromFiles = new OrganisationConfig(
        loadConfig(organisationEnvSchema, {
          ...base,
          PERSONAL_DATA_MASTER_KEYS_FILE: path.join(dir, 'master-keys'),
          PERSONAL_DATA_INDEX_KEY_FILE: path.join(dir, 'index-key'),
        }),
      );
      expect(fromFiles.personalData.indexKey).toHaveLength(32);
      expect(fromFiles.personalData.masterKeys.ring().current.key).toHaveLength(32);
      expect(
        problemsOf({
          ...base,
          PERSONAL_DATA_MASTER_KEYS_FILE: path.join(dir, 'missing'),
          PERSONAL_DATA_INDEX_KEY: indexKey(),
        }),
      ).toContain('PERSONAL_DATA_MASTER_KEYS_FILE cannot be read');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
