import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { publicKeyFromFile, signAccessToken, verifyAccessToken } from '@taizhang/auth';

import { loadSigningKeys } from './signing-keys';

const freshDir = () => path.join(mkdtempSync(path.join(tmpdir(), 'taizhang-keys-')), 'keys');
const generatedIn = (dir: string) => ({ privateKeyPem: undefined, privateKeyFile: undefined, dir });

describe('the signing keys', () => {
  it('are generated once (Ed25519), kept private, and their public key written for the services', async () => {
    const dir = freshDir();
    const first = await loadSigningKeys(generatedIn(dir));
    const second = await loadSigningKeys(generatedIn(dir));

    expect(first.source).toBe('generated');
    expect(second.source).toBe('kept');
    expect(first.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(second.privateKey.equals(first.privateKey)).toBe(true);
    expect(statSync(path.join(dir, 'auth-private.pem')).mode & 0o777).toBe(0o600);
    const servicesKey = await publicKeyFromFile(path.join(dir, 'auth-public.pem'))();
    const token = await signAccessToken(
      { userId: 'u', username: 'u', role: 'admin', orgUnitId: null, orgPath: null, sessionId: 's' },
      first.privateKey,
      { now: new Date(), ttlSeconds: 60 },
    );
    await expect(verifyAccessToken(token, servicesKey, { now: new Date() })).resolves.toMatchObject(
      { id: 'u' },
    );
  });

  it('agree when two gateways start at the same moment', async () => {
    const dir = freshDir();
    const [a, b] = await Promise.all([
      loadSigningKeys(generatedIn(dir)),
      loadSigningKeys(generatedIn(dir)),
    ]);

    expect(a.privateKey.equals(b.privateKey)).toBe(true);
    expect([a.source, b.source].sort()).toEqual(['generated', 'kept']);
  });

  it('come from AUTH_PRIVATE_KEY or AUTH_PRIVATE_KEY_FILE when given (RSA too), writing nothing', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const dir = freshDir();

    const inline = await loadSigningKeys({
      privateKeyPem: pem.replace(/\n/g, '\\n'),
      privateKeyFile: undefined,
      dir,
    });

    expect(inline.source).toBe('AUTH_PRIVATE_KEY');
    expect(inline.privateKey.equals(privateKey)).toBe(true);
    expect(() => readFileSync(path.join(dir, 'auth-public.pem'))).toThrow();
  });
});
