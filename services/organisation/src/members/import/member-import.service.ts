import type { OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import type { Caller } from '@taizhang/auth';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandOutcome } from '@taizhang/event-store';
import { DomainError, handleCommands, PostgresEventStore } from '@taizhang/event-store';
import type { ImportJobContext, ImportJobKind, ImportRowOutcome } from '@taizhang/import-jobs';
import { ImportJobKinds } from '@taizhang/import-jobs';

import type { Union } from '../../unions';
import type { JoinRequest } from '../member-joins.service';
import { MemberJoinsService } from '../member-joins.service';
import type { PreparedMemberRow } from './member-row.preparer';
import { MemberRowPreparer, reasonOfJoin } from './member-row.preparer';
import type { MemberColumn } from './member-sheet.columns';
import { MEMBER_SHEET } from './member-sheet.columns';

// Rows decided and appended in one transaction, and transactions under way at once: reading the
// next rows goes on while the previous batch is written.
const BATCH_ROWS = 500;
const BATCHES_IN_FLIGHT = 2;

/** The import kind of member sheets, as `GET /imports/:id` names it. */
export const MEMBER_IMPORT = 'members';

/**
 * 会员批量导入, run as an import job: every row of a member sheet is a join decided by the member
 * decider, as a single join is; valid rows are recorded BATCH_ROWS at a time, one transaction
 * per batch. Importing the same file again records nothing new: each row meets its own
 * person's stream (the ids of the rows: member ids).
 */
@Injectable()
export class MemberImportService
  implements ImportJobKind<MemberColumn, PreparedMemberRow>, OnModuleInit
{
  readonly name = MEMBER_IMPORT;
  readonly layout = MEMBER_SHEET;
  readonly batchRows = BATCH_ROWS;
  readonly inFlight = BATCHES_IN_FLIGHT;

  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(MemberJoinsService) private readonly joins: MemberJoinsService,
    @Inject(ImportJobKinds) private readonly kinds: ImportJobKinds,
  ) {}

  onModuleInit(): void {
    this.kinds.register(this);
  }

  /** The union a sheet's rows join: 404 outside the caller's scope, 422 when it takes none. */
  activeUnion(user: Caller, unionId: string): Promise<Union> {
    return this.joins.activeUnion(user, unionId);
  }

  async start(job: ImportJobContext) {
    // Read again at every run: a union dissolved since the upload fails the job.
    const union = await this.activeUnion(job.caller, job.params['unionId']!);
    const preparer = new MemberRowPreparer((number) => this.joins.vault.memberIdOf(number));

    return {
      prepare: (sheetRow: Parameters<MemberRowPreparer['prepare']>[0]) => {
        const prepared = preparer.prepare(sheetRow);

        return 'rejected' in prepared ? prepared : { prepared };
      },
      record: (rows: PreparedMemberRow[]) => this.record(union, rows, job),
    };
  }

  private async record(
    union: Union,
    rows: PreparedMemberRow[],
    job: ImportJobContext,
  ): Promise<ImportRowOutcome[]> {
    const requests = rows.map(({ row, body, person }) =>
      this.joins.joinRequest(
        union,
        body,
        person,
        job.metadataOf(row, startOfBusinessDate(body.joinedOn)),
      ),
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
  ): Promise<ImportRowOutcome> {
    const { row } = prepared;
    // Recorded now, or by an earlier run of this job (its Idempotency-Key answers again).
    if (outcome.status === 'fulfilled') return { recorded: { row, id: request.id! } };
    const error: unknown = outcome.reason;
    if (!(error instanceof DomainError)) throw error;
    const unionId = union.status === 'None' ? null : union.id;
    if (error.code === 'MEMBER_ALREADY_ACTIVE' && error.details['unionId'] === unionId)
      return { already: { row, id: request.id! } };
    // A person who left and comes back keeps their key: the single join finds it.
    if (error.code === 'PERSONAL_DATA_KEY_CHANGED')
      return this.joins
        .joinPrepared(union, prepared.body, prepared.personal, request.command.metadata)
        .then(
          (): ImportRowOutcome => ({ recorded: { row, id: request.id! } }),
          (retried: unknown) =>
            this.outcomeOf(union, prepared, request, { status: 'rejected', reason: retried }),
        );

    return { rejected: { row, label: prepared.body.name, reasons: [reasonOfJoin(error)] } };
  }
}
