import { Inject, Injectable } from '@nestjs/common';

import type { Caller } from '@taizhang/auth';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandMetadata, CommandOutcome } from '@taizhang/event-store';
import { DomainError, handleCommands, PostgresEventStore } from '@taizhang/event-store';
import type { RowOutcome } from '@taizhang/sheets';
import { runImport } from '@taizhang/sheets';

import type { Union } from '../../unions';
import type { JoinRequest } from '../member-joins.service';
import { MemberJoinsService } from '../member-joins.service';
import type { MemberImportResult, RejectedMemberRow } from './member-import.result';
import type { PreparedMemberRow } from './member-row.preparer';
import { MemberRowPreparer, reasonOfJoin } from './member-row.preparer';
import { MEMBER_SHEET } from './member-sheet.columns';

// Rows decided and appended in one transaction, and transactions under way at once: reading the
// next rows goes on while the previous batch is written.
const BATCH_ROWS = 500;
const BATCHES_IN_FLIGHT = 2;

type Outcome = RowOutcome<MemberImportResult['alreadyMembers'][number], RejectedMemberRow>;

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
    const preparer = new MemberRowPreparer((number) => this.joins.vault.memberIdOf(number));
    const { already, ...tally } = await runImport(workbook, {
      layout: MEMBER_SHEET,
      batchRows: BATCH_ROWS,
      inFlight: BATCHES_IN_FLIGHT,
      prepare: (sheetRow) => {
        const prepared = preparer.prepare(sheetRow);

        return 'rejected' in prepared ? prepared : { prepared };
      },
      record: (rows) => this.record(union, rows, metadataAt),
      pastLastRow: (row, reason) => ({ row, name: null, reasons: [reason] }),
    });

    return { ...tally, alreadyMembers: already };
  }

  private async record(
    union: Union,
    rows: PreparedMemberRow[],
    metadataAt: (occurredAt: Date) => CommandMetadata,
  ): Promise<Outcome[]> {
    const requests = rows.map(({ body, person }) =>
      this.joins.joinRequest(union, body, person, metadataAt(startOfBusinessDate(body.joinedOn))),
    );
    const outcomes = await handleCommands(this.store, requests, {
      withinTransaction: (tx, appended) => this.joins.commitWithJoins(tx, appended),
    });

    return Promise.all(
      rows.map((prepared, i) => this.outcomeOf(union, prepared, requests[i]!, outcomes[i]!)),
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
      return { already: { row: prepared.row, memberId: request.id! } };
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
      rejected: { row: prepared.row, name: prepared.body.name, reasons: [reasonOfJoin(error)] },
    };
  }
}
