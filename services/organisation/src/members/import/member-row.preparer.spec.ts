import { randomBytes } from 'node:crypto';

import type { CellValue } from '@taizhang/sheets';

import { idCardCheckCharacter } from '../id-card-number';
import { decryptValue } from '../personal-data/aes-gcm';
import { memberIdOf } from '../personal-data/blind-index';
import { MemberRowPreparer } from './member-row.preparer';
import type { MemberColumn } from './member-sheet.columns';

const indexKey = randomBytes(32);
const idOf = (key: Buffer) => (number: string) => memberIdOf(key, number);
// A woman born on 1985-03-12 (an even 17th digit), with her check digit.
const ID_CARD = `21010219850312122${idCardCheckCharacter('21010219850312122')}`;
const withWrongCheckDigit = `${ID_CARD.slice(0, 17)}${ID_CARD.endsWith('0') ? '1' : '0'}`;

const row = (number: number, overrides: Partial<Record<MemberColumn, CellValue>> = {}) => ({
  row: number,
  cells: {
    name: '王秀英',
    gender: '女',
    idCardNumber: ID_CARD,
    phone: '138 1234 5678',
    birthDate: null,
    employerId: null,
    employmentForm: '正式',
    migrantWorker: '否',
    joinedOn: '2020-07-01',
    channel: null,
    ...overrides,
  },
});

const reasonsOf = (outcome: ReturnType<MemberRowPreparer['prepare']>) =>
  'rejected' in outcome ? outcome.rejected.reasons : [];

describe('preparing a member sheet row', () => {
  it('gives the person their member id and their data sealed under a new key of their own', () => {
    const outcome = new MemberRowPreparer(idOf(indexKey)).prepare(row(3));
    if ('rejected' in outcome) throw new Error('refused');
    const { memberId, key, personalData, facts } = outcome.person;

    expect(memberId).toBe(memberIdOf(indexKey, ID_CARD));
    expect(facts).toEqual({ normalised: ID_CARD, birthDate: '1985-03-12', gender: 'female' });
    expect(key.fresh).toBe(true);
    expect(personalData.keyId).toBe(key.keyId);
    expect(decryptValue(key.key, 'idCardNumber', personalData.idCardNumber)).toBe(ID_CARD);
    expect(decryptValue(key.key, 'phone', personalData.phone!)).toBe('13812345678');
    expect(decryptValue(key.key, 'birthDate', personalData.birthDate)).toBe('1985-03-12');
    // Nothing personal in the clear in what is stored.
    expect(JSON.stringify(personalData)).not.toContain('1985');
  });

  it('refuses a later row of the same person, naming the first, and keeps the first', () => {
    const preparer = new MemberRowPreparer(idOf(indexKey));

    expect('person' in preparer.prepare(row(3))).toBe(true);
    expect(reasonsOf(preparer.prepare(row(9, { idCardNumber: ID_CARD.toLowerCase() })))).toEqual([
      {
        code: 'DUPLICATE_IN_SHEET',
        column: '身份证号码',
        en: 'The same ID card number as row 3.',
        zh: '与第3行的身份证号码重复。',
      },
    ]);
  });

  it('names the column of personal data that cannot be right, in both languages', () => {
    const preparer = new MemberRowPreparer(idOf(indexKey));
    const [badNumber] = reasonsOf(preparer.prepare(row(4, { idCardNumber: withWrongCheckDigit })));
    const [badPhone] = reasonsOf(preparer.prepare(row(5, { phone: '12345' })));

    expect(badNumber).toMatchObject({ code: 'INVALID_ID_CARD_NUMBER', column: '身份证号码' });
    expect(badNumber!.zh).toMatch(/校验位/);
    expect(badNumber!.en).toMatch(/check digit/);
    expect(badPhone).toMatchObject({ code: 'INVALID_PHONE_NUMBER', column: '手机号码' });
  });

  it('gives two people different keys and member ids; another index key, another member id', () => {
    // The same birth date and region, another sequence number, its own check digit.
    const other = `21010219850312124${idCardCheckCharacter('21010219850312124')}`;
    const a = new MemberRowPreparer(idOf(indexKey)).prepare(row(2));
    const b = new MemberRowPreparer(idOf(indexKey)).prepare(row(3, { idCardNumber: other }));
    const c = new MemberRowPreparer(idOf(randomBytes(32))).prepare(row(2));
    if ('rejected' in a || 'rejected' in b || 'rejected' in c) throw new Error('refused');

    expect(a.person.key.keyId).not.toBe(b.person.key.keyId);
    expect(a.person.memberId).not.toBe(b.person.memberId);
    expect(c.person.memberId).not.toBe(a.person.memberId);
  });
});
