import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { loadEventSigningKey } from './event-signing-key';

describe('loadEventSigningKey', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'taizhang-data-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('generates a pair under <data>/keys/events on the first start, private key mode 600, and keeps it', async () => {
    const env = { TAIZHANG_DATA_DIR: dataDir };
    const [first, concurrent] = await Promise.all([
      loadEventSigningKey('hardship-aid', env),
      loadEventSigningKey('hardship-aid', env),
    ]);
    const again = await loadEventSigningKey('hardship-aid', env);

    const privateFile = path.join(dataDir, 'keys', 'events', 'hardship-aid-private.pem');
    const publicFile = path.join(dataDir, 'keys', 'events', 'hardship-aid-public.pem');
    expect(statSync(privateFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(publicFile, 'utf8')).toBe(
      first.publicKey.export({ type: 'spki', format: 'pem' }),
    );
    // `wx`: of two first starts at once, one writes the key and the other takes it.
    expect([first.source, concurrent.source].sort()).toEqual(['generated', 'kept']);
    expect(again.source).toBe('kept');
    const pem = (key: typeof first) => key.privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(pem(concurrent)).toEqual(pem(first));
    expect(pem(again)).toEqual(pem(first));
  });

  it('takes EVENT_SIGNING_KEY before anything, and writes no file', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const inline = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const key = await loadEventSigningKey('organisation', {
      TAIZHANG_DATA_DIR: dataDir,
      EVENT_SIGNING_KEY: inline.replaceAll('\n', '\\n'),
    });

    expect(key.source).toBe('EVENT_SIGNING_KEY');
    expect(key.privateKey.export({ type: 'pkcs8', format: 'pem' })).toBe(inline);
    expect(() => statSync(path.join(dataDir, 'keys'))).toThrow();
  });

  it('refuses a key that is not Ed25519, naming where it came from', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

    await expect(
      loadEventSigningKey('organisation', {
        EVENT_SIGNING_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      }),
    ).rejects.toThrow('EVENT_SIGNING_KEY must be an Ed25519 key, not ec.');
  });
});
