import { randomBytes, randomUUID } from 'node:crypto';

import { parseMasterKeyRing } from '../../config/master-key-ring';
import { newDataKey, unwrapKey, wrapKey } from './aes-gcm';

const key = () => randomBytes(32);

describe('the master key ring', () => {
  it('wraps under the first key and opens each person’s key by the master key id stored beside it', () => {
    const older = key();
    const current = key();
    const ring = parseMasterKeyRing(
      `master-2027:${current.toString('base64')}\nmaster-2026:${older.toString('base64')}\n`,
    );
    const personKeyId = randomUUID();
    const personKey = newDataKey();
    const wrappedBefore = wrapKey(older, personKeyId, personKey);

    expect(ring.current.id).toBe('master-2027');
    expect(unwrapKey(ring.key('master-2026'), personKeyId, wrappedBefore)).toEqual(personKey);
    expect(() => unwrapKey(ring.key('master-2027'), personKeyId, wrappedBefore)).toThrow();
    expect(() => ring.key('master-2025')).toThrow(
      'the master key "master-2025" is not in the key ring (PERSONAL_DATA_MASTER_KEYS)',
    );
    expect(parseMasterKeyRing(ring.toText()).keys.map((k) => k.id)).toEqual([
      'master-2027',
      'master-2026',
    ]);
  });

  it('reads entries separated by commas, as an environment variable gives them', () => {
    const ring = parseMasterKeyRing(`a:${key().toString('base64')},b:${key().toString('base64')}`);
    expect(ring.keys.map((k) => k.id)).toEqual(['a', 'b']);
  });

  it('refuses a ring without a key, a short key, a bad id or one id twice, never echoing a key', () => {
    const short = randomBytes(16).toString('base64');
    const good = key().toString('base64');
    expect(() => parseMasterKeyRing('')).toThrow('holds no key');
    expect(() => parseMasterKeyRing(`m:${short}`)).toThrow('the key "m" must be 32 bytes');
    expect(() => parseMasterKeyRing(good)).toThrow('entry 1 must be <id>:<key>');
    expect(() => parseMasterKeyRing(`m:${good},m:${good}`)).toThrow('names one id twice');
    try {
      parseMasterKeyRing(`m:${short}`);
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
  });
});
