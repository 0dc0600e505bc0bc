import { randomUUID } from 'node:crypto';

import { decryptValue, encryptValue, newDataKey, unwrapKey, wrapKey } from './aes-gcm';
import { memberIdOf } from './blind-index';

describe('personal data encryption', () => {
  const key = newDataKey();
  const keyId = randomUUID();

  it('round-trips a value, with a fresh IV each time', () => {
    const first = encryptValue(key, keyId, 'idCardNumber', '210102198503120025');
    const second = encryptValue(key, keyId, 'idCardNumber', '210102198503120025');

    expect(decryptValue(key, 'idCardNumber', first)).toBe('210102198503120025');
    expect(first.iv).not.toBe(second.iv);
    expect(first.ct).not.toBe(second.ct);
    expect(JSON.stringify(first)).not.toContain('198503');
  });

  it('refuses another person’s key, another field, and a changed byte', () => {
    const sealed = encryptValue(key, keyId, 'phone', '13812345678');
    const flipped = Buffer.from(sealed.ct, 'base64');
    flipped[0] = flipped[0]! ^ 1;

    expect(() => decryptValue(newDataKey(), 'phone', sealed)).toThrow();
    expect(() => decryptValue(key, 'idCardNumber', sealed)).toThrow();
    expect(() =>
      decryptValue(key, 'phone', { ...sealed, ct: flipped.toString('base64') }),
    ).toThrow();
  });

  it('wraps a person’s key under the master key, bound to its id', () => {
    const master = newDataKey();
    const wrapped = wrapKey(master, keyId, key);

    expect(unwrapKey(master, keyId, wrapped).equals(key)).toBe(true);
    expect(() => unwrapKey(master, randomUUID(), wrapped)).toThrow();
    expect(() => unwrapKey(newDataKey(), keyId, wrapped)).toThrow();
  });

  it('gives one person one member id, a version 8 UUID that depends on the index key', () => {
    const indexKey = newDataKey();
    const id = memberIdOf(indexKey, '210102198503120025');

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(memberIdOf(indexKey, '210102198503120025')).toBe(id);
    expect(memberIdOf(indexKey, '11010519491231002X')).not.toBe(id);
    expect(memberIdOf(newDataKey(), '210102198503120025')).not.toBe(id);
  });
});
