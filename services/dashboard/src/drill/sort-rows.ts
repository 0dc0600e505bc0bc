import type { ChildSummary } from '../api/reports';
import type { FigureKey } from '../figures/figures';

export type SortKey = FigureKey | 'name';
export type SortDirection = 'asc' | 'desc';

const byName = new Intl.Collator('zh-CN');

/** A row's figure; one the summary does not carry (a panel's, from an older reporting) as null. */
const figureOf = (row: ChildSummary, key: FigureKey): number | null => row[key] ?? null;

/**
 * The children ordered by a figure (a rate without a denominator last either way) or by name,
 * ties by name, so the order is the same on every load and page.
 */
export const sortRows = (
  rows: readonly ChildSummary[],
  key: SortKey,
  direction: SortDirection,
): ChildSummary[] => {
  const sign = direction === 'asc' ? 1 : -1;
  const names = (a: ChildSummary, b: ChildSummary) => byName.compare(a.name ?? '', b.name ?? '');

  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * names(a, b) || a.orgUnitId.localeCompare(b.orgUnitId);
    const left = figureOf(a, key);
    const right = figureOf(b, key);
    if (left === null || right === null)
      return left === right ? names(a, b) : left === null ? 1 : -1;

    return sign * (left - right) || names(a, b) || a.orgUnitId.localeCompare(b.orgUnitId);
  });
};

export const PAGE_SIZE = 50;

/** One page of rows (1-based, held within the pages there are) and how many pages there are. */
export const pageOf = <T>(rows: readonly T[], page: number, size = PAGE_SIZE) => {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const held = Math.min(Math.max(1, Number.isFinite(page) ? Math.floor(page) : 1), pages);

  return { page: held, pages, rows: rows.slice((held - 1) * size, held * size) };
};
