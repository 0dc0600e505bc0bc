import { Inject, Injectable } from '@nestjs/common';

import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandMetadata, CommandOutcome } from '@taizhang/event-store';
import { DomainError, handleCommands, PostgresEventStore } from '@taizhang/event-store';

import type { Caller } from '../../org-units/org-unit-scope';
import { InFlightWork } from '../../shared/in-flight-work';
import { MAX_IMPORT_ROWS, tooManyRows } from '../../shared/xlsx/import-reasons';
import { readSheet } from '../../shared/xlsx/sheet-reader';
import type { Union } from '../../unions/union.decider';
import type { JoinRequest } from '../member-joins.service';
import { MemberJoinsService } from '../member-joins.service';
import type { MemberImportResult, RejectedMemberRow } from './member-import.result';
import type { PreparedMemberRow } from './member-row.preparer';
import { MemberRowPreparer, reasonOf } from './member-row.preparer';
import { MEMBER_SHEET } from './member-sheet.columns';

// Rows decided and appended in one transaction, and transactions under way at once: reading the
// next rows goes on while the previous batch is written.
const BATCH_ROWS = 500;
const BATCHES_IN_FLIGHT = 2;

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
    const preparer = new MemberRowPreparer((number) => this.joins.vault.memberIdOf(number));
    const work = new InFlightWork(BATCHES_IN_FLIGHT);
    let batch: PreparedMemberRow[] = [];
    const launch = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      await work.start(
        this.record(union, rows, metadataAt).then((outcomes) =>
          outcomes.forEach(([row, outcome]) => tally(result, row, outcome)),
        ),
      );
    };
    try {
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
        const prepared = preparer.prepare(sheetRow);
        if ('rejected' in prepared) result.rejected.push(prepared.rejected);
        else batch.push(prepared);
        if (batch.length === BATCH_ROWS) await launch();
      }
      await launch();
      await work.end();
    } finally {
      await work.settle();
    }
    result.alreadyMembers.sort((a, b) => a.row - b.row);
    result.rejected.sort((a, b) => a.row - b.row);

    return result;
  }

  private async record(
    union: Union,
    rows: PreparedMemberRow[],
    metadataAt: (occurredAt: Date) => CommandMetadata,
  ): Promise<[number, Outcome][]> {
    const requests = rows.map(({ body, person }) =>
      this.joins.joinRequest(union, body, person, metadataAt(startOfBusinessDate(body.joinedOn))),
    );
    const outcomes = await handleCommands(this.store, requests, {
      withinTransaction: (tx, appended) => this.joins.commitWithJoins(tx, appended),
    });

    return Promise.all(
      rows.map(async (prepared, i): Promise<[number, Outcome]> => [
        prepared.row,
        await this.outcomeOf(union, prepared, requests[i]!, outcomes[i]!),
      ]),
    );
  }

  private async outcomeOf(
    union: Union,
    prepared: PreparedMemberRow,
    request: JoinRequest,
    outcome: CommandOutcome,
  ): Promise<Outcome> {
    if (outcome.status === 'fulfilled') return { recorded: true };
    const error: unknown = outcome.reason;
    if (!(error instanceof DomainError)) throw error;
    const unionId = union.status === 'None' ? null : union.id;
    if (error.code === 'MEMBER_ALREADY_ACTIVE' && error.details['unionId'] === unionId)
      return { alreadyMember: request.id! };
    // A person who left and comes back keeps their key: the single join finds it.
    if (error.code === 'PERSONAL_DATA_KEY_CHANGED')
      return this.joins
        .joinPrepared(union, prepared.body, prepared.personal, request.command.metadata)
        .then(
          (): Outcome => ({ recorded: true }),
          (retried: unknown) =>
            this.outcomeOf(union, prepared, request, { status: 'rejected', reason: retried }),
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
