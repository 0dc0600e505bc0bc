import type { Bilingual } from '@taizhang/domain';
import { DomainError } from '@taizhang/domain';

import type { IdCardProblem } from './id-card-number';

export enum PersonalDataErrorCode {
  InvalidIdCardNumber = 'INVALID_ID_CARD_NUMBER',
  InvalidPhoneNumber = 'INVALID_PHONE_NUMBER',
  RevealReasonRequired = 'REVEAL_REASON_REQUIRED',
}

const ID_CARD_MESSAGES: Record<IdCardProblem, Bilingual> = {
  format: {
    en: 'The ID card number must have 18 characters: 17 digits, then a digit or X.',
    zh: '身份证号码应为18位：17位数字加1位数字或X。',
  },
  region: {
    en: 'The ID card number does not begin with a known province code.',
    zh: '身份证号码的地区码无效。',
  },
  birth_date: {
    en: 'The ID card number does not hold a valid birth date.',
    zh: '身份证号码中的出生日期无效。',
  },
  check_digit: {
    en: 'The check digit of the ID card number is wrong; look for a typing mistake.',
    zh: '身份证号码校验位不正确，请核对。',
  },
};

/** Personal data that cannot be right; the message never repeats the value (400). */
export class PersonalDataError extends DomainError {
  readonly status = 400;

  constructor(
    readonly code: PersonalDataErrorCode,
    text: Bilingual,
    details: Record<string, unknown> = {},
  ) {
    super(text, details);
  }

  static idCard(problem: IdCardProblem): PersonalDataError {
    return new PersonalDataError(
      PersonalDataErrorCode.InvalidIdCardNumber,
      ID_CARD_MESSAGES[problem],
      { field: 'idCardNumber', problem },
    );
  }

  static phone(): PersonalDataError {
    return new PersonalDataError(
      PersonalDataErrorCode.InvalidPhoneNumber,
      {
        en: 'The phone must be a mainland mobile number of 11 digits.',
        zh: '手机号码应为11位大陆手机号。',
      },
      { field: 'phone' },
    );
  }

  static revealReason(): PersonalDataError {
    return new PersonalDataError(
      PersonalDataErrorCode.RevealReasonRequired,
      {
        en: 'Say why you need to see the personal data unmasked (reason=…).',
        zh: '查看完整个人信息须说明理由（reason）。',
      },
      { field: 'reason' },
    );
  }
}
