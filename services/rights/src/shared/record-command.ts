import type { AuthenticatedUser, ScopeOptions } from '@taizhang/auth';
import { WRITE_ACCESS } from '@taizhang/auth';
import type { SignedInCommand } from '@taizhang/bootstrap';
import { commandOnLoaded } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type {
  CommandMetadata,
  CommandResult,
  OrgUnitRef,
  PostgresEventStore,
} from '@taizhang/event-store';

/** What a rights command on a record passes on besides the record's union and version. */
export interface RecordCommandExtras {
  fingerprint?: unknown;
  /** The id the answer names, when not the record's (a new hazard's, say). */
  id?: string;
}

/** A kind of rights record as its routes command it: its scoped loader and its stream's runner. */
export interface RecordCommandKind<
  TLoaded extends { unit: OrgUnitRef; version: number },
  TCommand,
> {
  load: (
    store: PostgresEventStore,
    user: AuthenticatedUser,
    id: string,
    options: ScopeOptions,
  ) => Promise<TLoaded>;
  run: (
    store: PostgresEventStore,
    id: string,
    command: TCommand,
    options: { unit: OrgUnitRef; expectedVersion: number } & RecordCommandExtras,
  ) => Promise<CommandResult>;
  /** When a dated step happened: the start of its business day, unless the kind keeps instants. */
  occurredAt?: (date: string) => Date;
}

/**
 * `(store, id, signedIn, build, extras?)` → one command on a record in the caller's scope (404
 * outside, 403 for an auditor), at If-Match or the version loaded, its events concerning the
 * record's union. `build` gets the request's metadata dated by the step's own date.
 */
export const recordCommand =
  <TLoaded extends { unit: OrgUnitRef; version: number }, TCommand>({
    load,
    run,
    occurredAt = startOfBusinessDate,
  }: RecordCommandKind<TLoaded, TCommand>) =>
  (
    store: PostgresEventStore,
    id: string,
    { user, request }: SignedInCommand,
    build: (dated: (date: string) => CommandMetadata, loaded: TLoaded) => TCommand,
    extras: RecordCommandExtras = {},
  ): Promise<CommandResult> =>
    commandOnLoaded(
      request,
      () => load(store, user, id, WRITE_ACCESS),
      (loaded, expectedVersion) =>
        run(
          store,
          id,
          build((date) => request.metadata(occurredAt(date)), loaded),
          { unit: loaded.unit, expectedVersion, ...extras },
        ),
    );
