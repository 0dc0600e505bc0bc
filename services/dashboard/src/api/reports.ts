import type { RightsFigureKey } from '../figures/rights-figures';
import { authorizedGet } from '../session/session';

/** 维权: rights' figures in the summary (absent from an older reporting). */
export type RightsFiguresOfSummary = Partial<Record<RightsFigureKey, number | null>>;

/** Reporting's figures of a unit (GET /reports/org-units/:id/summary), summed over its subtree. */
export interface Summary extends RightsFiguresOfSummary {
  orgUnitId: string;
  unions: number;
  employers: number;
  coveredEmployers: number;
  unionisationRate: number | null;
  workforce: number;
  workforceOfUnionisedEmployers: number;
  members: number;
  femaleMembers: number;
  migrantMembers: number;
  newFormMembers: number;
  membershipRateOfUnionised: number | null;
  membershipRateOfAll: number | null;
  retainedMemberships: number;
  termsExpired: number;
  employerRegistry: {
    source: 'employer-registry';
    oldestHeadcountsAsOf: string | null;
    newestHeadcountsAsOf: string | null;
  };
  /** With `knownAt` only: the instant asked, and each count now minus as known then. */
  knownAt?: string;
  lateChanges?: Partial<Record<string, number>>;
}

export type UnitKind = 'municipal' | 'district' | 'street' | 'union';

export interface ChildSummary extends Summary {
  name: string | null;
  kind: UnitKind;
}

/** A month of GET /reports/org-units/:id/series (the trend lines). */
export interface SeriesPoint {
  period: string;
  asOf: string;
  figures: Partial<Summary>;
}

export interface Series {
  orgUnitId: string;
  interval: 'month';
  points: SeriesPoint[];
}

/** What a read answered: the body, or why not (404 covers "outside your unit" too). */
export type Answer<T> =
  { status: 'ok'; body: T } | { status: 'notFound' } | { status: 'failed'; message: string };

const REPORTS = '/api/reporting/reports/org-units';

export const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();

  return search ? `?${search}` : '';
};

export const get = async <T>(path: string, signal?: AbortSignal): Promise<Answer<T>> => {
  try {
    const response = await authorizedGet(path, signal);
    if (response.ok) return { status: 'ok', body: (await response.json()) as T };
    if (response.status === 404) return { status: 'notFound' };
    const problem = (await response.json().catch(() => ({}))) as {
      detail?: string;
      title?: string;
    };

    return {
      status: 'failed',
      message: problem.detail ?? problem.title ?? `HTTP ${response.status}`,
    };
  } catch (error) {
    if (signal?.aborted) throw error;

    return { status: 'failed', message: (error as Error).message };
  }
};

export interface AsOf {
  asOf?: string;
  knownAt?: string;
}

export const fetchSummary = (id: string, at: AsOf, signal?: AbortSignal) =>
  get<Summary>(`${REPORTS}/${encodeURIComponent(id)}/summary${query({ ...at })}`, signal);

export const fetchChildren = (id: string, at: AsOf, signal?: AbortSignal) =>
  get<{ orgUnitId: string; children: ChildSummary[] }>(
    `${REPORTS}/${encodeURIComponent(id)}/children${query({ ...at })}`,
    signal,
  );

export const fetchSeries = (
  id: string,
  range: { from: string; to: string } & AsOf,
  signal?: AbortSignal,
) =>
  get<Series>(
    `${REPORTS}/${encodeURIComponent(id)}/series${query({ ...range, interval: 'month' })}`,
    signal,
  );

/**
 * The name of the signed-in unit, which no drill-down above it lists: organisation's own record
 * (a federation for officers and auditors, a union for its cadre).
 */
export const fetchUnitName = async (
  id: string,
  role: string,
  signal?: AbortSignal,
): Promise<string | null> => {
  const resource = role === 'union_cadre' ? 'unions' : 'org-units';
  const answer = await get<{ name?: string }>(
    `/api/organisation/${resource}/${encodeURIComponent(id)}`,
    signal,
  );

  return answer.status === 'ok' ? (answer.body.name ?? null) : null;
};
