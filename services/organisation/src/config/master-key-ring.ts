import fs from 'node:fs';

/** A master key is an AES-256 key: the members' personal-data vault wraps persons' keys with it. */
const KEY_BYTES = 32;

/** One master key and the name stored beside every person's key it wraps. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[\w.-]{1,64}$/;

/**
 * The master keys that wrap persons' keys: the current one wraps every new key, the older ones
 * still open the keys wrapped before a rotation (by the id stored beside each), until
 * `npm run keys -- rotate` has re-wrapped them all.
 */
export class MasterKeyRing {
  private readonly byId: ReadonlyMap<string, MasterKey>;

  constructor(readonly keys: readonly [MasterKey, ...MasterKey[]]) {
    this.byId = new Map(keys.map((key) => [key.id, key]));
  }

  get current(): MasterKey {
    return this.keys[0];
  }

  /** The key of this id; throws a sentence naming the id when the ring lacks it. */
  key(id: string): Buffer {
    const found = this.byId.get(id);
    if (!found)
      throw new Error(
        `the master key "${id}" is not in the key ring (PERSONAL_DATA_MASTER_KEYS): a person's key wrapped under it cannot be opened`,
      );

    return found.key;
  }

  /** One `<id>:<base64>` line per key, the current one first (the ring file's text). */
  toText(): string {
    return this.keys.map(({ id, key }) => `${id}:${key.toString('base64')}\n`).join('');
  }
}

/**
 * Reads a ring written as `<id>:<32 bytes in base64>` entries, separated by commas or new lines,
 * the current key first. Throws a sentence saying what is wrong (never the key itself).
 */
export const parseMasterKeyRing = (text: string): MasterKeyRing => {
  const entries = text
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '' && !entry.startsWith('#'));
  const keys = entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (colon < 0 || !KEY_ID.test(id))
      throw new Error(
        `entry ${index + 1} must be <id>:<key>, the id a short name such as master-2026`,
      );
    if (key.length !== KEY_BYTES)
      throw new Error(`the key "${id}" must be 32 bytes in base64 (openssl rand -base64 32)`);

    return { id, key };
  });
  const [current, ...older] = keys;
  if (!current) throw new Error('holds no key');
  const ids = new Set(keys.map((key) => key.id));
  if (ids.size !== keys.length) throw new Error('names one id twice');

  return new MasterKeyRing([current, ...older]);
};

/**
 * Where the ring comes from: a value given at start, or a file read again whenever it changes,
 * so a running service wraps new keys under the master key a rotation has just added.
 */
export class MasterKeyRingSource {
  private loaded: { ring: MasterKeyRing; stamp: string } | undefined;

  constructor(private readonly from: { text: string } | { file: string }) {
    this.ring();
  }

  ring(): MasterKeyRing {
    if ('text' in this.from) {
      this.loaded ??= { ring: parseMasterKeyRing(this.from.text), stamp: '' };

      return this.loaded.ring;
    }
    const { mtimeMs, size, ino } = fs.statSync(this.from.file);
    const stamp = `${ino}:${mtimeMs}:${size}`;
    if (this.loaded?.stamp !== stamp)
      this.loaded = { ring: parseMasterKeyRing(fs.readFileSync(this.from.file, 'utf8')), stamp };

    return this.loaded.ring;
  }
}
