import { Inject, Injectable } from '@nestjs/common';

import type { CommandMetadata, CommandOutcome } from '@taizhang/event-store';
import { DomainError, handleCommands, PostgresEventStore } from '@taizhang/event-store';

import type { Caller } from '../../org-units/org-unit-scope';
import { startOfBusinessDate } from '../../shared/business-date';
import type { ImportReason } from '../../shared/xlsx/import-reasons';
import { MAX_IMPORT_ROWS, tooManyRows } from '../../shared/xlsx/import-reasons';
import type { SheetRow } from '../../shared/xlsx/sheet-reader';
import { readSheet } from '../../shared/xlsx/sheet-reader';
import type { Union } from '../../unions/union.decider';
import type { JoinUnionDto } from '../dto/join-union.dto';
import type { JoinRequest, PersonalData } from '../member-joins.service';
import { MemberJoinsService, readPersonalData } from '../member-joins.service';
import type { MemberImportResult, RejectedMemberRow } from './member-import.result';
import { MemberImportErrorCode, parseMemberRow } from './member-row.parser';
import type { MemberColumn } from './member-sheet.columns';
import { MEMBER_COLUMNS, MEMBER_SHEET } from './member-sheet.columns';

// Rows decided and appended in one transaction, and transactions under way at once: parsing the
// next rows goes on while the previous batch is written.
const BATCH_ROWS = 500;
const BATCHES_IN_FLIGHT = 2;

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

// A refusal's message is "English / 中文" (DomainError).
const reasonOf = (error: DomainError): ImportReason => {
  const [en = error.message, zh = error.message] = error.message.split(' / ');
  const column = COLUMN_OF_CODE[error.code];

  return { code: error.code, column: column ? MEMBER_COLUMNS[column][0] : null, en, zh };
};

interface PreparedRow {
  row: number;
  body: JoinUnionDto;
  personal: PersonalData;
  metadata: CommandMetadata;
  request: JoinRequest;
}

type Outcome = { recorded: true } | { alreadyMember: string } | { rejected: RejectedMemberRow };

/**
 * 会员批量导入: every row of a member sheet is a join decided by the member decider, as a single
 * join is; valid rows are recorded BATCH_ROWS at a time, one transaction per batch. Importing the
 * same file again records nothing new: each row meets its own person's stream.
 */
@Injectable()
export class MemberImportService {
  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(MemberJoinsService) private readonly joins: MemberJoinsService,
  ) {}

  async import(
    user: Caller,
    unionId: string,
    workbook: Buffer,
    metadataAt: (occurredAt: Date) => CommandMetadata,
  ): Promise<MemberImportResult> {
    const union = await this.joins.activeUnion(user, unionId);
    const result: MemberImportResult = { rows: 0, recorded: 0, alreadyMembers: [], rejected: [] };
    const rowOfMember = new Map<string, number>();
    const inFlight = new Set<Promise<void>>();
    let batch: PreparedRow[] = [];
    const launch = () => {
      if (batch.length === 0) return;
      const task = this.record(union, batch).then((outcomes) =>
        outcomes.forEach(([row, outcome]) => tally(result, row, outcome)),
      );
      batch = [];
      inFlight.add(task);
      // Settled either way; a failure (the database gone) is thrown by the race or the end.
      const forget = () => inFlight.delete(task);
      task.then(forget, forget);
    };

    for await (const sheetRow of readSheet(workbook, MEMBER_SHEET)) {
      if (result.rows === MAX_IMPORT_ROWS) {
        result.rejected.push({
          row: sheetRow.row,
          name: null,
          reasons: [tooManyRows(sheetRow.row)],
        });
        break;
      }
      result.rows += 1;
      const prepared = this.prepare(sheetRow, union, rowOfMember, metadataAt);
      if ('rejected' in prepared) result.rejected.push(prepared.rejected);
      else batch.push(prepared);
      if (batch.length === BATCH_ROWS) {
        launch();
        if (inFlight.size >= BATCHES_IN_FLIGHT) await Promise.race(inFlight);
      }
    }
    launch();
    await Promise.all(inFlight);
    result.alreadyMembers.sort((a, b) => a.row - b.row);
    result.rejected.sort((a, b) => a.row - b.row);

    return result;
  }

  // Everything a row can be refused for before the database is asked, in sheet order.
  private prepare(
    { row, cells }: SheetRow<MemberColumn>,
    union: Union,
    rowOfMember: Map<string, number>,
    metadataAt: (occurredAt: Date) => CommandMetadata,
  ): PreparedRow | { rejected: RejectedMemberRow } {
    const name = typeof cells.name === 'string' ? cells.name : null;
    const rejected = (reasons: ImportReason[]) => ({ rejected: { row, name, reasons } });
    const parsed = parseMemberRow(cells);
    if ('reasons' in parsed) return rejected(parsed.reasons);
    const { body } = parsed;
    let personal: PersonalData;
    try {
      personal = readPersonalData(body);
    } catch (error) {
      if (error instanceof DomainError) return rejected([reasonOf(error)]);
      throw error;
    }
    const memberId = this.joins.vault.memberIdOf(personal.facts.normalised);
    const first = rowOfMember.get(memberId);
    if (first !== undefined)
      return rejected([
        {
          code: MemberImportErrorCode.DuplicateInSheet,
          column: MEMBER_COLUMNS.idCardNumber[0],
          en: `The same ID card number as row ${first}.`,
          zh: `与第${first}行的身份证号码重复。`,
        },
      ]);
    rowOfMember.set(memberId, row);
    const metadata = metadataAt(startOfBusinessDate(body.joinedOn));
    const key = this.joins.vault.newKey();

    return {
      row,
      body,
      personal,
      metadata,
      request: this.joins.joinRequest(union, body, personal, metadata, key),
    };
  }

  private async record(union: Union, rows: PreparedRow[]): Promise<[number, Outcome][]> {
    const outcomes = await handleCommands(
      this.store,
      rows.map((prepared) => prepared.request),
      { withinTransaction: (tx, appended) => this.joins.commitWithJoins(tx, appended) },
    );

    return Promise.all(
      rows.map(async (prepared, i): Promise<[number, Outcome]> => [
        prepared.row,
        await this.outcomeOf(union, prepared, outcomes[i]!),
      ]),
    );
  }

  private async outcomeOf(
    union: Union,
    prepared: PreparedRow,
    outcome: CommandOutcome,
  ): Promise<Outcome> {
    if (outcome.status === 'fulfilled') return { recorded: true };
    const error: unknown = outcome.reason;
    if (!(error instanceof DomainError)) throw error;
    const unionId = union.status === 'None' ? null : union.id;
    if (error.code === 'MEMBER_ALREADY_ACTIVE' && error.details['unionId'] === unionId)
      return { alreadyMember: prepared.request.id! };
    // A person who left and comes back keeps their key: the single join finds it.
    if (error.code === 'PERSONAL_DATA_KEY_CHANGED')
      return this.joins
        .joinPrepared(union, prepared.body, prepared.personal, prepared.metadata)
        .then(
          (): Outcome => ({ recorded: true }),
          (retried: unknown) =>
            this.outcomeOf(union, prepared, { status: 'rejected', reason: retried }),
        );

    return {
      rejected: { row: prepared.row, name: prepared.body.name, reasons: [reasonOf(error)] },
    };
  }
}

const tally = (result: MemberImportResult, row: number, outcome: Outcome): void => {
  if ('recorded' in outcome) result.recorded += 1;
  else if ('alreadyMember' in outcome)
    result.alreadyMembers.push({ row, memberId: outcome.alreadyMember });
  else result.rejected.push(outcome.rejected);
};
