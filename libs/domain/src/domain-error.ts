/** A message in both languages: a person reads the Chinese, logs and developers the English. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** What an error says: both languages as fields, or (older sites) one `"English. / 中文。"` string. */
export type ErrorText = Bilingual | string;

// The separator the older error sites write between the English and the Chinese.
const SEPARATOR = ' / ';

/**
 * The two languages of an error's text. A plain string is split at its last `" / "` (the form
 * error sites wrote before errors carried both fields); one without it is the same in both.
 */
export const bilingual = (text: ErrorText): Bilingual => {
  if (typeof text !== 'string') return { en: text.en, zh: text.zh };
  const at = text.lastIndexOf(SEPARATOR);

  return at < 0 ? { en: text, zh: text } : { en: text.slice(0, at), zh: text.slice(at + 3) };
};

/** The one-line form of both languages (`Error.message`, the problem's `detail`): "English / 中文". */
export const oneLine = (text: ErrorText): string =>
  typeof text === 'string' ? text : `${text.en}${SEPARATOR}${text.zh}`;

/** Stable codes of the domain's generic refusals; the HTTP layer maps each to a status. */
export enum DomainErrorCode {
  NotFound = 'NOT_FOUND',
  IllegalState = 'ILLEGAL_STATE',
  Validation = 'VALIDATION_FAILED',
}

/**
 * What a refusal tells only a caller who may see the records of one org unit: ids and dates of
 * a record that may lie outside the caller's scope (a person's membership in another union, the
 * union a union merged into). The problem answer (`@taizhang/bootstrap`) shows it after checking
 * the unit's current path against the caller's scope; everyone else reads the plain message and
 * details, which must say what to do without naming anything outside the target.
 */
export interface InScopeOnly {
  /** The org unit (a union, a federation) whose records these details come from. */
  readonly unitId: string;
  /** The message for a caller who may see that unit; otherwise the plain message is answered. */
  readonly message?: ErrorText;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Base class of every error the domain, the store and the deciders raise on purpose. */
export abstract class DomainError extends Error implements Bilingual {
  abstract readonly code: string;
  abstract readonly status: number;
  readonly en: string;
  readonly zh: string;
  constructor(
    text: ErrorText,
    /** Extra fields for the problem response (never personal data), shown to every caller. */
    readonly details: Record<string, unknown> = {},
    /** What only a caller who may see `inScopeOnly.unitId` is told besides. */
    readonly inScopeOnly?: InScopeOnly,
  ) {
    super(oneLine(text));
    this.name = new.target.name;
    ({ en: this.en, zh: this.zh } = bilingual(text));
  }
}

/** The thing asked for does not exist, or is outside the caller's scope (404). */
export class NotFoundError extends DomainError {
  readonly code: string = DomainErrorCode.NotFound;
  readonly status = 404;
}

/** A business rule forbids the command in the current state (422). */
export class IllegalStateError extends DomainError {
  readonly status = 422;
  constructor(
    text: ErrorText,
    readonly code: string = DomainErrorCode.IllegalState,
    details: Record<string, unknown> = {},
    inScopeOnly?: InScopeOnly,
  ) {
    super(text, details, inScopeOnly);
  }
}

/** The command is malformed in a way only the domain can tell (400). */
export class ValidationError extends DomainError {
  readonly code: string = DomainErrorCode.Validation;
  readonly status = 400;
}
