import type { EventEnvelope } from '@taizhang/contracts';
import { businessDate } from '@taizhang/domain';

/** Lags up to this many days are their own bucket (exact); the rule's threshold should be below. */
export const EXACT_DAYS = 62;
const WEEKS_UNTIL = 365;
const MONTHS_UNTIL = 3650;

/**
 * The histogram bucket of a lag in days, by its lower bound: exact up to 62 days, then a week
 * wide up to a year, then 30 days wide up to ten years, then one bucket (3650: "ten years or
 * more"). A percentile read from the buckets is the lower bound of its bucket: exact up to 62
 * days, under 7 days low up to a year, under 30 beyond.
 */
export const lagBucket = (days: number): number => {
  if (days <= EXACT_DAYS) return Math.max(0, days);
  if (days < WEEKS_UNTIL) return EXACT_DAYS + 1 + Math.floor((days - EXACT_DAYS - 1) / 7) * 7;
  if (days < MONTHS_UNTIL) return WEEKS_UNTIL + Math.floor((days - WEEKS_UNTIL) / 30) * 30;

  return MONTHS_UNTIL;
};

/** The width of the bucket whose lower bound is `bucket` (1 day when exact; null: open-ended). */
export const bucketWidth = (bucket: number): number | null =>
  bucket <= EXACT_DAYS ? 1 : bucket < WEEKS_UNTIL ? 7 : bucket < MONTHS_UNTIL ? 30 : null;

// The business date each kind of record is about; events not listed are not records entered by
// a union or federation (the clock's 换届预警, the tree's own changes).
const BUSINESS_DATE: Record<string, (data: Record<string, unknown>) => unknown> = {
  MemberJoined: (d) => d['joinedOn'],
  MemberTransferred: (d) => d['transferredOn'],
  MemberLeft: (d) => d['leftOn'],
  MembershipRetained: (d) => d['since'],
  UnionRegistered: (d) => d['establishedOn'],
  UnionEstablished: (d) => d['establishedOn'],
  UnionDissolved: (d) => d['dissolvedOn'],
  UnionMerged: (d) => d['mergedOn'],
  CommitteeElectionApproved: (d) => d['approvedOn'],
  ElectionRejected: (d) => d['rejectedOn'],
  EmployerRegistered: (d) => d['registeredOn'],
  EmployerHeadcountsUpdated: (d) => d['asOf'],
  EmployerClosed: (d) => d['closedOn'],
};

/** Where a record counts: a unit of the tree, or an employer (counted under its street). */
export type RecordPlace = { unitId: string } | { employerId: string };

export interface LateRecord {
  place: RecordPlace;
  /** The first day of the month it was entered in (in China). */
  month: string;
  lagDays: number;
}

const DAY = 86_400_000;

/** The record an event is, and how late it was entered; null for an event that is none. */
export const lateRecordOf = (event: EventEnvelope): LateRecord | null => {
  const dateOf = BUSINESS_DATE[event.type];
  const data = event.data as Record<string, unknown>;
  const on = dateOf?.(data);
  if (typeof on !== 'string') return null;
  const entered = businessDate(new Date(event.recordedAt));
  const lag = Math.round((Date.parse(entered) - Date.parse(on)) / DAY);
  const place: RecordPlace = event.type.startsWith('Employer')
    ? event.type === 'EmployerRegistered'
      ? { unitId: String(data['streetId']) }
      : { employerId: String(data['employerId']) }
    : event.type.startsWith('Member')
      ? { unitId: event.orgUnitId }
      : { unitId: String(data['unionId']) };

  return { place, month: `${entered.slice(0, 7)}-01`, lagDays: lagBucket(lag) };
};
