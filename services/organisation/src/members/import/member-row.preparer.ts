import { DomainError } from '@taizhang/domain';
import type { ImportReason, RejectedRow, SheetRow } from '@taizhang/sheets';
import { reasonOf, RowReasonCode } from '@taizhang/sheets';

import type { JoinUnionDto } from '../dto/join-union.dto';
import { newPersonKey } from '../personal-data/person-key';
import type { JoiningPerson, PersonalData } from '../personal-data/personal-data';
import { readPersonalData, sealPersonalData } from '../personal-data/personal-data';
import { parseMemberRow } from './member-row.parser';
import type { MemberColumn } from './member-sheet.columns';
import { MEMBER_COLUMNS } from './member-sheet.columns';

/** The column each refusal of a join is about, to point at it in the sheet. */
const COLUMN_OF_CODE: Record<string, MemberColumn> = {
  INVALID_ID_CARD_NUMBER: 'idCardNumber',
  INVALID_PHONE_NUMBER: 'phone',
  GENDER_MISMATCH: 'gender',
  BIRTH_DATE_MISMATCH: 'birthDate',
  MEMBER_TOO_YOUNG: 'joinedOn',
  DATE_IN_FUTURE: 'joinedOn',
  JOINED_BEFORE_FOUNDING: 'joinedOn',
  DATE_BEFORE_LAST_CHANGE: 'joinedOn',
  AT_SOURCE_NOT_MIGRANT: 'channel',
  MEMBER_ALREADY_ACTIVE: 'idCardNumber',
  MEMBERSHIP_RETAINED: 'idCardNumber',
};

/** A refusal of a row's join as the import lists it, naming the column it is about. */
export const reasonOfJoin = (error: DomainError): ImportReason => {
  const column = COLUMN_OF_CODE[error.code];

  return reasonOf(error, column ? MEMBER_COLUMNS[column][0] : null);
};

/** A sheet row ready to be decided: the body of its join and the person, sealed under a new key. */
export interface PreparedMemberRow {
  row: number;
  body: JoinUnionDto;
  /** Kept for a person who comes back: their join is sealed again under their own key. */
  personal: PersonalData;
  person: JoiningPerson;
}

/** A refused row is labelled by its 姓名 (the ID card number is never repeated). */
export type MemberRowOutcome = PreparedMemberRow | { rejected: RejectedRow };

/**
 * Everything a member row can be refused for before the database is asked, in sheet order (the
 * first row of a person wins over a later one), and the sealing of the rest. Needs no database.
 */
export class MemberRowPreparer {
  private readonly rowOfMember = new Map<string, number>();

  /** `memberIdOf`: the vault's, so that one place derives a person's member id. */
  constructor(private readonly memberIdOf: (normalisedIdCard: string) => string) {}

  prepare({ row, cells }: SheetRow<MemberColumn>): MemberRowOutcome {
    const name = typeof cells.name === 'string' ? cells.name : null;
    const rejected = (reasons: ImportReason[]) => ({ rejected: { row, label: name, reasons } });
    const parsed = parseMemberRow(cells);
    if ('reasons' in parsed) return rejected(parsed.reasons);
    const { body } = parsed;
    let personal: PersonalData;
    try {
      personal = readPersonalData(body);
    } catch (error) {
      if (error instanceof DomainError) return rejected([reasonOfJoin(error)]);
      throw error;
    }
    const memberId = this.memberIdOf(personal.facts.normalised);
    const first = this.rowOfMember.get(memberId);
    if (first !== undefined)
      return rejected([
        {
          code: RowReasonCode.DuplicateInSheet,
          column: MEMBER_COLUMNS.idCardNumber[0],
          en: `The same ID card number as row ${first}.`,
          zh: `与第${first}行的身份证号码重复。`,
        },
      ]);
    this.rowOfMember.set(memberId, row);
    const key = newPersonKey();

    return {
      row,
      body,
      personal,
      person: {
        memberId,
        facts: personal.facts,
        key,
        personalData: sealPersonalData(key, personal),
      },
    };
  }
}
