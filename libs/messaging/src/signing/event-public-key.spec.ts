import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { EventKeyUnavailableError, eventPublicKeyFromEnv } from './event-public-key';

const pair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');

  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
};

describe('eventPublicKeyFromEnv', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'taizhang-data-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads <SERVICE>_EVENT_PUBLIC_KEY, the service upper-cased with - as _', async () => {
    const { publicPem } = pair();
    const source = eventPublicKeyFromEnv('hardship-aid', {
      HARDSHIP_AID_EVENT_PUBLIC_KEY: publicPem,
    });

    expect((await source.key()).export({ type: 'spki', format: 'pem' })).toBe(publicPem);
  });

  it('then <SERVICE>_EVENT_PUBLIC_KEY_FILE, then <data>/keys/events/<service>-public.pem', async () => {
    const inFile = pair();
    const inData = pair();
    const file = path.join(dataDir, 'given.pem');
    writeFileSync(file, inFile.publicPem);
    mkdirSync(path.join(dataDir, 'keys', 'events'), { recursive: true });
    writeFileSync(
      path.join(dataDir, 'keys', 'events', 'organisation-public.pem'),
      inData.publicPem,
    );

    const fromFile = eventPublicKeyFromEnv('organisation', {
      ORGANISATION_EVENT_PUBLIC_KEY_FILE: file,
      TAIZHANG_DATA_DIR: dataDir,
    });
    const fromData = eventPublicKeyFromEnv('organisation', { TAIZHANG_DATA_DIR: dataDir });

    expect((await fromFile.key()).export({ type: 'spki', format: 'pem' })).toBe(inFile.publicPem);
    expect((await fromData.key()).export({ type: 'spki', format: 'pem' })).toBe(inData.publicPem);
  });

  it('is unavailable, saying what to do, until the file exists', async () => {
    const source = eventPublicKeyFromEnv('organisation', { TAIZHANG_DATA_DIR: dataDir });

    await expect(source.key()).rejects.toThrow(EventKeyUnavailableError);
    await expect(source.key()).rejects.toThrow(
      /start organisation first, or set ORGANISATION_EVENT_PUBLIC_KEY or ORGANISATION_EVENT_PUBLIC_KEY_FILE/,
    );
  });

  it('refuses a private key given to a consumer', () => {
    expect(() =>
      eventPublicKeyFromEnv('organisation', { ORGANISATION_EVENT_PUBLIC_KEY: pair().privatePem }),
    ).toThrow('This is a private key; give consumers the public key only.');
  });
});
