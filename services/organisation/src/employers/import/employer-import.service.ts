import { Injectable } from '@nestjs/common';

import { DomainError } from '@taizhang/domain';
import type { CommandMetadata } from '@taizhang/event-store';
import { handleCommand, PostgresEventStore } from '@taizhang/event-store';
import type { ImportReason, RowOutcome as ImportRowOutcome, SheetRow } from '@taizhang/sheets';
import { reasonOf, RowReasonCode, runImport } from '@taizhang/sheets';

import type { RegisterEmployer } from '../employer.commands';
import { employerDecider } from '../employer.decider';
import type { RuleBreach } from '../employer.error';
import { EmployerErrorCode, EmployerRuleError } from '../employer.error';
import { employerStreamId, registeredOrgUnit } from '../employer-streams';
import type { EmployerImportResult, RejectedRow } from './employer-import.result';
import type { EmployerRow } from './employer-row.parser';
import { parseEmployerRow } from './employer-row.parser';
import type { EmployerColumn } from './employer-sheet.columns';
import { COLUMN_OF_FIELD, EMPLOYER_SHEET } from './employer-sheet.columns';
import { StreetDirectory } from './street-directory';

// Rows recorded at once: each is its own short transaction on its own stream.
const CONCURRENT_ROWS = 8;

type AlreadyRegistered = EmployerImportResult['alreadyRegistered'][number];
type RowOutcome = ImportRowOutcome<AlreadyRegistered, RejectedRow>;

/** A row whose cells are valid and whose credit code is the first of its kind in the sheet. */
interface PreparedRow {
  row: number;
  fields: Omit<EmployerRow, 'street'>;
  streetCell: string;
}

const reasonOfBreach = (breach: RuleBreach): ImportReason => ({
  code: breach.code,
  column: (breach.field && COLUMN_OF_FIELD[breach.field]) || null,
  zh: breach.zh,
  en: breach.en,
});

// A refusal of the decider names its field; other domain errors name no column.
const reasonOfError = (error: DomainError): ImportReason =>
  error instanceof EmployerRuleError ? reasonOfBreach(error.breach) : reasonOf(error, null);

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
    const { already, ...tally } = await runImport(workbook, {
      layout: EMPLOYER_SHEET,
      inFlight: CONCURRENT_ROWS,
      prepare: (sheetRow) => prepareRow(sheetRow, firstRowOfCode),
      record: ([prepared]) =>
        this.importRow(prepared!, streets, metadata).then((outcome) => [outcome]),
      pastLastRow: (row, reason) => ({ row, creditCode: null, reasons: [reason] }),
    });

    return { ...tally, alreadyRegistered: already };
  }

  private async importRow(
    { row, fields, streetCell }: PreparedRow,
    streets: StreetDirectory,
    metadata: CommandMetadata,
  ): Promise<RowOutcome> {
    const lookup = await streets.resolve(streetCell);
    if ('breach' in lookup) return rejected(row, fields.creditCode, [lookup.breach]);
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
        return { already: { row, employerId: creditCode } };

      return { rejected: { row, creditCode, reasons: [reasonOfError(error)] } };
    }
  }
}

const rejected = (
  row: number,
  creditCode: string | null,
  breaches: RuleBreach[],
): { rejected: RejectedRow } => ({
  rejected: { row, creditCode, reasons: breaches.map(reasonOfBreach) },
});

// Decided in sheet order, before any await: the first row with a code is the one recorded.
const prepareRow = (
  { row, cells }: SheetRow<EmployerColumn>,
  firstRowOfCode: Map<string, number>,
): { rejected: RejectedRow } | { prepared: PreparedRow } => {
  const parsed = parseEmployerRow(cells);
  const creditCodeCell = typeof cells.creditCode === 'string' ? cells.creditCode.trim() : null;
  if ('breaches' in parsed) return rejected(row, creditCodeCell, parsed.breaches);
  const { street: streetCell, ...fields } = parsed.row;
  const first = firstRowOfCode.get(fields.creditCode);
  if (first !== undefined)
    return rejected(row, fields.creditCode, [
      {
        code: RowReasonCode.DuplicateInSheet,
        en: `The same credit code as row ${first}.`,
        zh: `与第${first}行的统一社会信用代码重复。`,
        field: 'creditCode',
      },
    ]);
  firstRowOfCode.set(fields.creditCode, row);

  return { prepared: { row, fields, streetCell } };
};
