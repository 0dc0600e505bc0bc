import type { OnModuleInit } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

import { canReach } from '@taizhang/auth';
import { DomainError } from '@taizhang/domain';
import type { CommandMetadata } from '@taizhang/event-store';
import { handleCommand, PostgresEventStore } from '@taizhang/event-store';
import type { ImportJobContext, ImportJobKind, ImportRowOutcome } from '@taizhang/import-jobs';
import { ImportJobKinds } from '@taizhang/import-jobs';
import type { ImportReason, RejectedRow, SheetRow } from '@taizhang/sheets';
import { reasonOf, RowReasonCode } from '@taizhang/sheets';

import type { RegisterEmployer } from '../employer.commands';
import { employerDecider } from '../employer.decider';
import type { RuleBreach } from '../employer.error';
import { EmployerErrorCode, EmployerRuleError } from '../employer.error';
import { employerStreamId, registeredOrgUnit } from '../employer-streams';
import type { EmployerRow } from './employer-row.parser';
import { parseEmployerRow } from './employer-row.parser';
import type { EmployerColumn } from './employer-sheet.columns';
import { COLUMN_OF_FIELD, EMPLOYER_SHEET } from './employer-sheet.columns';
import { StreetDirectory } from './street-directory';

// Rows recorded at once: each is its own short transaction on its own stream.
const CONCURRENT_ROWS = 8;

/** The import kind of employer sheets, as `GET /imports/:id` names it. */
export const EMPLOYER_IMPORT = 'employers';

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
 * 单位台账批量登记, run as an import job: registers every valid row of an employer sheet, one
 * stream per credit code, so that importing the same file again records nothing new (each row
 * meets its own stream; the ids of the rows: credit codes).
 */
@Injectable()
export class EmployerImportService
  implements ImportJobKind<EmployerColumn, PreparedRow>, OnModuleInit
{
  readonly name = EMPLOYER_IMPORT;
  readonly layout = EMPLOYER_SHEET;
  readonly inFlight = CONCURRENT_ROWS;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly kinds: ImportJobKinds,
  ) {}

  onModuleInit(): void {
    this.kinds.register(this);
  }

  // The uploader's scope bounds the streets: one outside it is read as unknown (no probing).
  start(job: ImportJobContext) {
    const streets = new StreetDirectory(this.store, (path) => canReach(job.caller, path));
    const firstRowOfCode = new Map<string, number>();

    return Promise.resolve({
      prepare: (sheetRow: SheetRow<EmployerColumn>) => prepareRow(sheetRow, firstRowOfCode),
      record: async ([prepared]: PreparedRow[]) => [
        await this.importRow(prepared!, streets, job.metadataOf(prepared!.row)),
      ],
    });
  }

  private async importRow(
    { row, fields, streetCell }: PreparedRow,
    streets: StreetDirectory,
    metadata: CommandMetadata,
  ): Promise<ImportRowOutcome> {
    const lookup = await streets.resolve(streetCell);
    if ('breach' in lookup) return rejected(row, fields.creditCode, [lookup.breach]);
    const command: RegisterEmployer = {
      type: 'RegisterEmployer',
      data: { ...fields, street: lookup.street },
      metadata,
    };

    return this.register(command, row);
  }

  private async register(command: RegisterEmployer, row: number): Promise<ImportRowOutcome> {
    const { creditCode } = command.data;
    try {
      // A dry run on an empty stream: a row that breaks a rule costs no transaction.
      employerDecider.decide(command, employerDecider.initialState());
      // Recorded now, or by an earlier run of this job (its Idempotency-Key answers again).
      await handleCommand(this.store, {
        streamId: employerStreamId(creditCode),
        streamType: 'employer',
        decider: employerDecider,
        command,
        orgUnit: registeredOrgUnit,
        id: creditCode,
      });

      return { recorded: { row, id: creditCode } };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === (EmployerErrorCode.AlreadyRegistered as string))
        return { already: { row, id: creditCode } };

      return { rejected: { row, label: creditCode, reasons: [reasonOfError(error)] } };
    }
  }
}

const rejected = (
  row: number,
  creditCode: string | null,
  breaches: RuleBreach[],
): { rejected: RejectedRow } => ({
  rejected: { row, label: creditCode, reasons: breaches.map(reasonOfBreach) },
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
