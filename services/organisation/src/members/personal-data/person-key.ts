import { randomUUID } from 'node:crypto';

import { newDataKey } from './aes-gcm';

/** A person's data key in memory, for the time of one request. */
export interface PersonKey {
  keyId: string;
  key: Buffer;
  /** True for a key made for this request and not stored yet. */
  fresh: boolean;
}

/** A new key for a person's first join (or first after erasure), stored with that join. */
export const newPersonKey = (): PersonKey => ({
  keyId: randomUUID(),
  key: newDataKey(),
  fresh: true,
});
