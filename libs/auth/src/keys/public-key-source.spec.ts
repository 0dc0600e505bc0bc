import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  defaultKeysDir,
  KeyUnavailableError,
  publicKeyFromEnv,
  publicKeyFromFile,
  publicKeyFromPem,
} from './public-key-source';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('the public key source', () => {
  it('reads AUTH_PUBLIC_KEY, also with its newlines written as \\n', async () => {
    const source = publicKeyFromEnv({ AUTH_PUBLIC_KEY: publicPem.replace(/\n/g, '\\n') });

    expect((await source()).equals(publicKey)).toBe(true);
  });

  it('refuses a private key: services never hold one', () => {
    expect(() => publicKeyFromPem(privatePem)).toThrow(/private key/);
    expect(() => publicKeyFromEnv({ AUTH_PUBLIC_KEY: privatePem })).toThrow(/private key/);
  });

  it('refuses a key that cannot sign tokens', () => {
    const { publicKey: ec } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

    expect(() => publicKeyFromPem(ec.export({ type: 'spki', format: 'pem' }).toString())).toThrow(
      /Ed25519 or RSA/,
    );
  });

  it('waits for a key file that does not exist yet, then keeps the key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-keys-'));
    const file = path.join(dir, 'auth-public.pem');
    const source = publicKeyFromEnv({ AUTH_PUBLIC_KEY_FILE: file });

    await expect(source()).rejects.toBeInstanceOf(KeyUnavailableError);
    writeFileSync(file, publicPem);
    expect((await source()).equals(publicKey)).toBe(true);
    writeFileSync(file, 'garbage');
    expect((await source()).equals(publicKey)).toBe(true);
  });

  it('says why a key file cannot be used', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-keys-'));
    const file = path.join(dir, 'auth-public.pem');
    writeFileSync(file, privatePem);

    await expect(publicKeyFromFile(file)()).rejects.toThrow(
      /cannot be used: This is a private key/,
    );
  });

  it('looks under TAIZHANG_DATA_DIR, else .data, for the keys the gateway generated', () => {
    expect(defaultKeysDir({ TAIZHANG_DATA_DIR: '/srv/taizhang' })).toBe('/srv/taizhang/keys');
    expect(defaultKeysDir({})).toBe(path.resolve('.data/keys'));
  });
});
