import { authorizedGet } from '../session/session';
import type { Answer } from './reports';
import { get, query } from './reports';

/** The paging fields every list answers (the list kit of @taizhang/bootstrap). */
export interface Paged {
  page: number;
  pageSize: number;
  total: number;
}

/** A row of reporting's 工会名录 (GET /reports/org-units/:id/unions). */
export interface UnionRow {
  unionId: string;
  name: string;
  parentId: string;
  establishedOn: string;
  status: 'active' | 'dissolved' | 'merged';
  endedOn: string | null;
}

/** A row of organisation's 换届预警 (GET /org-units/:id/term-warnings). */
export interface TermWarningRow {
  unionId: string;
  name: string;
  parentId: string;
  parentName: string | null;
  establishedOn: string;
  termEndsOn: string;
  daysLeft: number;
  state: 'ended' | 'ending';
  electionHeldOn: string | null;
}

/** A row of reporting's 未建会单位 (GET /reports/org-units/:id/uncovered-employers). */
export interface UncoveredEmployerRow {
  employerId: string;
  name: string | null;
  creditCode: string | null;
  headcount: number | null;
  registeredOn: string;
  registeredForDays: number;
  registeredForMonths: number;
}

export type ListKind = 'unions' | 'terms' | 'uncovered';

export const LIST_KINDS: readonly ListKind[] = ['unions', 'terms', 'uncovered'];

/** What a list is asked for: the filters of its URL (empty ones left out) and the page. */
export type ListParams = Record<string, string | undefined>;

const REPORTS = '/api/reporting/reports/org-units';
const ORGANISATION = '/api/organisation/org-units';

/** Where each list lives; the `.xlsx` twin is the same path and filters without the page. */
const LIST_PATHS: Record<ListKind, (id: string) => string> = {
  unions: (id) => `${REPORTS}/${encodeURIComponent(id)}/unions`,
  terms: (id) => `${ORGANISATION}/${encodeURIComponent(id)}/term-warnings`,
  uncovered: (id) => `${REPORTS}/${encodeURIComponent(id)}/uncovered-employers`,
};

/** The rows' field in each answer. */
const ROWS_FIELD = { unions: 'unions', terms: 'unions', uncovered: 'employers' } as const;

export interface ListPage<Row> extends Paged {
  rows: Row[];
}

export const fetchListPage = async <Row>(
  kind: ListKind,
  id: string,
  params: ListParams,
  signal?: AbortSignal,
): Promise<Answer<ListPage<Row>>> => {
  const answer = await get<Paged & Record<string, unknown>>(
    `${LIST_PATHS[kind](id)}${query(params)}`,
    signal,
  );
  if (answer.status !== 'ok') return answer;
  const { page, pageSize, total } = answer.body;

  return {
    status: 'ok',
    body: { page, pageSize, total, rows: answer.body[ROWS_FIELD[kind]] as Row[] },
  };
};

export const sheetPath = (kind: ListKind, id: string, params: ListParams): string =>
  `${LIST_PATHS[kind](id)}.xlsx${query({ ...params, page: undefined, pageSize: undefined })}`;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hands a workbook to the browser as a download named `filename`. */
export const saveBlob = (blob: Blob, filename: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/**
 * Downloads the API's `.xlsx` of a list (the whole list, Chinese headers); the problem's detail
 * (a 413 over 50,000 rows says to export a unit further down) when refused.
 */
export const downloadSheet = async (path: string, filename: string): Promise<string | null> => {
  const response = await authorizedGet(path, undefined, XLSX);
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as {
      detail?: string;
      title?: string;
    };

    return problem.detail ?? problem.title ?? `HTTP ${response.status}`;
  }
  saveBlob(await response.blob(), filename);

  return null;
};

// Enough pages for any district's warnings (500 a page); a city's beyond that are left unmarked.
const MOST_WARNING_PAGES = 20;

/**
 * Every term warning of the unit within 180 days (today's), by union: what the unions list
 * shows as each union's 换届 state. Organisation lists terms, reporting lists unions, so the two
 * are joined here.
 */
export const fetchTermStates = async (
  id: string,
  signal?: AbortSignal,
): Promise<Answer<Map<string, TermWarningRow>>> => {
  const states = new Map<string, TermWarningRow>();
  for (let page = 1; page <= MOST_WARNING_PAGES; page += 1) {
    const answer = await fetchListPage<TermWarningRow>(
      'terms',
      id,
      { page: String(page), pageSize: '500' },
      signal,
    );
    if (answer.status !== 'ok') return answer;
    for (const row of answer.body.rows) states.set(row.unionId, row);
    if (page * answer.body.pageSize >= answer.body.total) break;
  }

  return { status: 'ok', body: states };
};
