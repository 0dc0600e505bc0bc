import { useMemo } from 'react';

import type { ChildSummary } from '../api/reports';
import { formatFigure, lateChangeText } from '../figures/figure-value';
import { FIGURES, isFigureKey, TABLE_COLUMNS } from '../figures/figures';
import { useI18n } from '../i18n/i18n';
import { followLink, navigate, useLocation, withQuery } from '../routing/router';
import type { SortDirection, SortKey } from './sort-rows';
import { pageOf, sortRows } from './sort-rows';
import { kindLabel } from './unit-kind';

const sortOf = (query: URLSearchParams): { key: SortKey; direction: SortDirection } => {
  const key = query.get('sort');

  return {
    key: key === 'name' || isFigureKey(key) ? key : 'name',
    direction: query.get('dir') === 'desc' ? 'desc' : 'asc',
  };
};

/**
 * The units below, sortable by name or any figure (a click on a heading; again reverses), 50 to
 * a page so that a street or city of thousands renders at once; sort and page are in the URL.
 */
export const ChildrenTable = ({ rows }: { rows: readonly ChildSummary[] }) => {
  const i18n = useI18n();
  const location = useLocation();
  const { key, direction } = sortOf(location.query);
  const sorted = useMemo(() => sortRows(rows, key, direction), [rows, key, direction]);
  const page = pageOf(sorted, Number(location.query.get('page') ?? 1));
  const sortBy = (next: SortKey) =>
    navigate(
      withQuery(location, {
        sort: next,
        // The same heading again reverses; a figure starts with the largest, a name with A.
        dir:
          next === key ? (direction === 'asc' ? 'desc' : 'asc') : next === 'name' ? 'asc' : 'desc',
        page: undefined,
      }),
      { replace: true },
    );
  const heading = (column: SortKey, label: string) => (
    <th
      key={column}
      scope="col"
      aria-sort={column === key ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" data-sort={column} onClick={() => sortBy(column)}>
        {label}
        {column === key ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const childHref = (id: string) =>
    withQuery(
      location,
      { sort: undefined, dir: undefined, page: undefined },
      `${location.path}/${id}`,
    );
  const goToPage = (to: number) => navigate(withQuery(location, { page: String(to) }));

  if (rows.length === 0) return <p className="empty">{i18n.t('noChildren')}</p>;

  return (
    <section className="children">
      <h2>{i18n.t('children')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {heading('name', i18n.t('name'))}
              <th scope="col">{i18n.t('kind')}</th>
              {TABLE_COLUMNS.map((column) => heading(column, i18n.pick(FIGURES[column].label)))}
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.orgUnitId} data-unit={row.orgUnitId}>
                <th scope="row">
                  <a href={childHref(row.orgUnitId)} onClick={followLink}>
                    {row.name ?? row.orgUnitId}
                  </a>
                </th>
                <td>{kindLabel(i18n, row.kind)}</td>
                {TABLE_COLUMNS.map((column) => (
                  <td
                    key={column}
                    data-figure={column}
                    className={row.lateChanges?.[column] ? 'number late' : 'number'}
                    title={lateChangeText(i18n, row.lateChanges, column)}
                  >
                    {formatFigure(i18n, row, column)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.pages > 1 && (
        <nav className="pager">
          <button type="button" disabled={page.page === 1} onClick={() => goToPage(page.page - 1)}>
            {i18n.t('previous')}
          </button>
          <span>
            {i18n.t('page', { page: page.page, pages: page.pages, total: i18n.count(rows.length) })}
          </span>
          <button
            type="button"
            disabled={page.page === page.pages}
            onClick={() => goToPage(page.page + 1)}
          >
            {i18n.t('next')}
          </button>
        </nav>
      )}
    </section>
  );
};
