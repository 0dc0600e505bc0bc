import { Inject, Injectable } from '@nestjs/common';

import type { PoolClient } from 'pg';

import type { EncryptedValue, PersonalField } from '@taizhang/contracts';
import { PostgresEventStore } from '@taizhang/event-store';

import type { MasterKeyRingSource } from '../../config/master-key-ring';
import { OrganisationConfig } from '../../config/organisation.config';
import { decryptValue, unwrapKey, wrapKey } from './aes-gcm';
import { blindIndex, memberIdOf as deriveMemberId } from './blind-index';
import type { PersonKey } from './person-key';
import {
  INSERT_PERSON_KEYS,
  READ_PERSON_KEY,
  READ_PERSON_KEYS,
  SHRED_PERSON_KEY,
} from './person-keys.sql';

export type KeyLookup = { status: 'found'; key: PersonKey } | { status: 'erased' | 'missing' };

/**
 * Keeps personal data readable only through the person's own key: stores keys (wrapped under
 * the current master key, opened by the one named beside each), finds and shreds them, decrypts values, and computes the blind indexes that
 * stand for an ID card number where it must be compared. New keys and sealing need none of
 * this: `person-key.ts` and `personal-data.ts`.
 */
@Injectable()
export class PersonalDataVault {
  private readonly masterKeys: MasterKeyRingSource;
  private readonly indexKey: Buffer;

  constructor(
    @Inject(OrganisationConfig) config: OrganisationConfig,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {
    ({ masterKeys: this.masterKeys, indexKey: this.indexKey } = config.personalData);
  }

  /** One person, one member id, one stream: derived from the normalised ID card number. */
  memberIdOf(normalisedIdCard: string): string {
    return deriveMemberId(this.indexKey, normalisedIdCard);
  }

  /** Stands for a personal value in an idempotency fingerprint, which outlives any erasure. */
  fingerprintOf(value: string): string {
    return blindIndex(this.indexKey, 'fingerprint', value).toString('hex');
  }

  async findKey(keyId: string): Promise<KeyLookup> {
    const { rows } = await this.store.pool.query<{
      master_key_id: string;
      wrapped_key: Buffer | null;
    }>(READ_PERSON_KEY, [keyId]);
    const row = rows[0];
    if (!row) return { status: 'missing' };
    if (!row.wrapped_key) return { status: 'erased' };

    // Unwrapped by the master key it was wrapped under: after a rotation began, an older one.
    const masterKey = this.masterKeys.ring().key(row.master_key_id);

    return {
      status: 'found',
      key: { keyId, key: unwrapKey(masterKey, keyId, row.wrapped_key), fresh: false },
    };
  }

  /** The keys of many persons in one read (a list's page or sheet): erased and unknown ones left out. */
  async findKeys(keyIds: readonly string[]): Promise<Map<string, PersonKey>> {
    const { rows } = await this.store.pool.query<{
      key_id: string;
      master_key_id: string;
      wrapped_key: Buffer | null;
    }>(READ_PERSON_KEYS, [[...new Set(keyIds)]]);
    const ring = this.masterKeys.ring();

    return new Map(
      rows.flatMap(({ key_id: keyId, master_key_id: masterKeyId, wrapped_key: wrapped }) =>
        wrapped
          ? [
              [
                keyId,
                { keyId, key: unwrapKey(ring.key(masterKeyId), keyId, wrapped), fresh: false },
              ] as const,
            ]
          : [],
      ),
    );
  }

  /** Stores fresh keys inside the transaction that records the first events encrypted under them. */
  async saveKeys(
    client: PoolClient,
    keys: readonly { key: PersonKey; memberId: string; now: Date }[],
  ): Promise<void> {
    const master = this.masterKeys.ring().current;
    await client.query(INSERT_PERSON_KEYS, [
      keys.map(({ key }) => key.keyId),
      keys.map(({ memberId }) => memberId),
      keys.map(() => master.id),
      keys.map(({ key }) => wrapKey(master.key, key.keyId, key.key)),
      keys.map(({ now }) => now),
    ]);
  }

  /** Crypto-shredding: inside the transaction that records the erasure. */
  async shredKey(client: PoolClient, keyId: string, now: Date): Promise<void> {
    await client.query(SHRED_PERSON_KEY, [keyId, now]);
  }

  open(key: PersonKey, field: PersonalField, value: EncryptedValue): string {
    return decryptValue(key.key, field, value);
  }
}
