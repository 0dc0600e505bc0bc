import { IllegalStateError } from '@taizhang/domain';

/** Stable codes of the employer registry's refusals (422 problems, and import row rejections). */
export enum EmployerErrorCode {
  InvalidCreditCode = 'INVALID_CREDIT_CODE',
  AlreadyRegistered = 'EMPLOYER_ALREADY_REGISTERED',
  NotFound = 'EMPLOYER_NOT_FOUND',
  Closed = 'EMPLOYER_CLOSED',
  StreetNotFound = 'STREET_NOT_FOUND',
  NotAStreet = 'NOT_A_STREET',
  InvalidHeadcount = 'INVALID_HEADCOUNT',
  PartExceedsHeadcount = 'HEADCOUNT_PART_EXCEEDS_TOTAL',
  DateInFuture = 'DATE_IN_FUTURE',
  HeadcountsOutdated = 'HEADCOUNTS_OLDER_THAN_RECORDED',
  ClosedBeforeLastFigures = 'CLOSED_BEFORE_LAST_FIGURES',
  NothingToChange = 'NOTHING_TO_CHANGE',
  ChangedBeforeRegistration = 'CHANGED_BEFORE_REGISTRATION',
  HeadcountsNotRecorded = 'NO_HEADCOUNTS_RECORDED_FOR_DATE',
}

/** One broken rule, in plain words in both languages (the import answers each rejected row so). */
export interface RuleBreach {
  code: string;
  en: string;
  zh: string;
  /** The input field it is about (a body field, and so a sheet column), when there is one. */
  field?: string;
  details?: Record<string, unknown>;
}

/** A refusal of the employer decider: a 422 problem in both languages. */
export class EmployerRuleError extends IllegalStateError {
  constructor(readonly breach: RuleBreach) {
    super({ en: breach.en, zh: breach.zh }, breach.code, {
      ...(breach.field ? { field: breach.field } : {}),
      ...breach.details,
    });
  }
}
