import { Injectable } from '@nestjs/common';

import type { CommandMetadata } from '@taizhang/event-store';
import { DomainError, handleCommand, PostgresEventStore } from '@taizhang/event-store';

import { InFlightWork } from '../../shared/in-flight-work';
import { MAX_IMPORT_ROWS, tooManyRows } from '../../shared/xlsx/import-reasons';
import type { SheetRow } from '../../shared/xlsx/sheet-reader';
import { readSheet } from '../../shared/xlsx/sheet-reader';
import type { RegisterEmployer } from '../employer.commands';
import { employerDecider } from '../employer.decider';
import type { RuleBreach } from '../employer.error';
import { EmployerErrorCode, EmployerRuleError } from '../employer.error';
import { employerStreamId, registeredOrgUnit } from '../employer-streams';
import { EmployerImportErrorCode } from './employer-import.error';
import type { EmployerImportResult, RejectedRow } from './employer-import.result';
import { parseEmployerRow } from './employer-row.parser';
import type { EmployerColumn } from './employer-sheet.columns';
import { COLUMN_OF_FIELD, EMPLOYER_SHEET } from './employer-sheet.columns';
import { StreetDirectory } from './street-directory';

// Rows recorded at once: each is its own short transaction on its own stream.
const CONCURRENT_ROWS = 8;

type RowOutcome = { recorded: true } | { alreadyRegistered: string } | { rejected: RejectedRow };

const reasonOf = (breach: RuleBreach) => ({
  code: breach.code,
  column: (breach.field && COLUMN_OF_FIELD[breach.field]) || null,
  zh: breach.zh,
  en: breach.en,
});

// A refusal's message is "English / 中文" (DomainError); other domain errors are split back.
const breachOf = (error: DomainError): RuleBreach => {
  if (error instanceof EmployerRuleError) return error.breach;
  const [en = error.message, zh = error.message] = error.message.split(' / ');

  return { code: error.code, en, zh };
};

/**
 * 单位台账批量登记: registers every valid row of an employer sheet, one stream per credit code,
 * so that importing the same file again records nothing new (each row meets its own stream).
 */
@Injectable()
export class EmployerImportService {
  constructor(private readonly store: PostgresEventStore) {}

  /** `canReach`: the caller's scope; a street outside it is read as unknown (no probing). */
  async import(
    workbook: Buffer,
    metadata: CommandMetadata,
    canReach: (orgPath: string) => boolean,
  ): Promise<EmployerImportResult> {
    const streets = new StreetDirectory(this.store, canReach);
    const firstRowOfCode = new Map<string, number>();
    const result: EmployerImportResult = {
      rows: 0,
      recorded: 0,
      alreadyRegistered: [],
      rejected: [],
    };
    const record = (row: number, outcome: RowOutcome): void => {
      if ('recorded' in outcome) result.recorded += 1;
      else if ('alreadyRegistered' in outcome)
        result.alreadyRegistered.push({ row, employerId: outcome.alreadyRegistered });
      else result.rejected.push(outcome.rejected);
    };
    const work = new InFlightWork(CONCURRENT_ROWS);
    try {
      for await (const sheetRow of readSheet(workbook, EMPLOYER_SHEET)) {
        if (result.rows === MAX_IMPORT_ROWS) {
          result.rejected.push({
            row: sheetRow.row,
            creditCode: null,
            reasons: [tooManyRows(sheetRow.row)],
          });
          break;
        }
        result.rows += 1;
        await work.start(
          this.importRow(sheetRow, streets, firstRowOfCode, metadata).then((outcome) =>
            record(sheetRow.row, outcome),
          ),
        );
      }
      await work.end();
    } finally {
      await work.settle();
    }
    result.alreadyRegistered.sort((a, b) => a.row - b.row);
    result.rejected.sort((a, b) => a.row - b.row);

    return result;
  }

  private async importRow(
    { row, cells }: SheetRow<EmployerColumn>,
    streets: StreetDirectory,
    firstRowOfCode: Map<string, number>,
    metadata: CommandMetadata,
  ): Promise<RowOutcome> {
    const rejected = (creditCode: string | null, breaches: RuleBreach[]): RowOutcome => ({
      rejected: { row, creditCode, reasons: breaches.map(reasonOf) },
    });
    const parsed = parseEmployerRow(cells);
    const creditCodeCell = typeof cells.creditCode === 'string' ? cells.creditCode.trim() : null;
    if ('breaches' in parsed) return rejected(creditCodeCell, parsed.breaches);
    const { street: streetCell, ...fields } = parsed.row;

    // Decided in sheet order, before any await: the first row with a code is the one recorded.
    const first = firstRowOfCode.get(fields.creditCode);
    if (first !== undefined)
      return rejected(fields.creditCode, [
        {
          code: EmployerImportErrorCode.DuplicateInSheet,
          en: `The same credit code as row ${first}.`,
          zh: `与第${first}行的统一社会信用代码重复。`,
          field: 'creditCode',
        },
      ]);
    firstRowOfCode.set(fields.creditCode, row);

    const lookup = await streets.resolve(streetCell);
    if ('breach' in lookup) return rejected(fields.creditCode, [lookup.breach]);
    const command: RegisterEmployer = {
      type: 'RegisterEmployer',
      data: { ...fields, street: lookup.street },
      metadata,
    };

    return this.register(command, row);
  }

  private async register(command: RegisterEmployer, row: number): Promise<RowOutcome> {
    const { creditCode } = command.data;
    try {
      // A dry run on an empty stream: a row that breaks a rule costs no transaction.
      employerDecider.decide(command, employerDecider.initialState());
      await handleCommand(this.store, {
        streamId: employerStreamId(creditCode),
        streamType: 'employer',
        decider: employerDecider,
        command,
        orgUnit: registeredOrgUnit,
        id: creditCode,
      });

      return { recorded: true };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === (EmployerErrorCode.AlreadyRegistered as string))
        return { alreadyRegistered: creditCode };

      return { rejected: { row, creditCode, reasons: [reasonOf(breachOf(error))] } };
    }
  }
}
