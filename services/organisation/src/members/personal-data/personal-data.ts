import { normalisePhoneNumber } from '../../shared/phone-number';
import type { IdCardFacts } from '../id-card-number';
import { parseIdCardNumber } from '../id-card-number';
import type { SealedPersonalData } from '../member.commands';
import { PersonalDataError } from '../personal-data.error';
import { encryptValue } from './aes-gcm';
import type { PersonKey } from './person-key';

/** The ID card number and phone as given, checked and normalised. */
export interface PersonalData {
  facts: IdCardFacts;
  phone: string | null;
}

/** The ID card number and phone as given, checked and normalised (400 when they cannot be right). */
export const readPersonalData = (given: { idCardNumber: string; phone?: string }): PersonalData => {
  const parsed = parseIdCardNumber(given.idCardNumber);
  if (!parsed.ok) throw PersonalDataError.idCard(parsed.problem);
  if (given.phone === undefined) return { facts: parsed.facts, phone: null };
  const phone = normalisePhoneNumber(given.phone);
  if (phone === null) throw PersonalDataError.phone();

  return { facts: parsed.facts, phone };
};

/** The personal fields of a join, each encrypted under the person's key. */
export const sealPersonalData = (
  key: PersonKey,
  { facts, phone }: PersonalData,
): SealedPersonalData => ({
  keyId: key.keyId,
  idCardNumber: encryptValue(key.key, key.keyId, 'idCardNumber', facts.normalised),
  phone: phone === null ? null : encryptValue(key.key, key.keyId, 'phone', phone),
  birthDate: encryptValue(key.key, key.keyId, 'birthDate', facts.birthDate),
});

/** A person as their join needs them: their member id, what their ID card says, their sealed data. */
export interface JoiningPerson {
  memberId: string;
  facts: IdCardFacts;
  key: PersonKey;
  personalData: SealedPersonalData;
}
