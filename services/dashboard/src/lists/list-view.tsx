import type { ReactNode } from 'react';
import { useState } from 'react';

import type { ListPage } from '../api/lists';
import { downloadSheet } from '../api/lists';
import type { Answer } from '../api/reports';
import type { Loading } from '../api/use-answer';
import { useAnswer } from '../api/use-answer';
import { useI18n } from '../i18n/i18n';
import { navigate, useLocation, withQuery } from '../routing/router';

export interface Column<Row> {
  key: string;
  label: string;
  cell: (row: Row) => ReactNode;
  number?: boolean;
}

export interface ListViewProps<Row> {
  /** Names the rows (data-row) for tests and links. */
  rowKey: (row: Row) => string;
  columns: readonly Column<Row>[];
  /** Reads a page; `deps` are what the page depends on (unit, filters, page). */
  read: (signal: AbortSignal) => Promise<Answer<ListPage<Row>>>;
  deps: readonly unknown[];
  /** The API's `.xlsx` of the whole list with the same filters, and the file's name. */
  sheet: { path: string; filename: string };
  /** The filters above the table (search box, selects), each writing its URL parameter. */
  filters?: ReactNode;
  note?: string;
}

/**
 * A list people work from: a page of the API's rows (the page in the URL), the filters above
 * it, and the API's sheet of the whole list as a download.
 */
export const ListView = <Row,>(props: ListViewProps<Row>) => {
  const i18n = useI18n();
  const location = useLocation();
  const answer = useAnswer(props.read, props.deps);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const exportSheet = async () => {
    setExporting(true);
    setExportError(null);
    try {
      setExportError(await downloadSheet(props.sheet.path, props.sheet.filename));
    } catch (error) {
      setExportError((error as Error).message);
    } finally {
      setExporting(false);
    }
  };
  const goToPage = (to: number) => navigate(withQuery(location, { page: String(to) }));

  return (
    <section className="list">
      <div className="list-tools">
        {props.filters}
        <button
          type="button"
          className="export"
          disabled={exporting}
          onClick={() => void exportSheet()}
        >
          {exporting ? i18n.t('exporting') : i18n.t('exportList')}
        </button>
      </div>
      {props.note && <p className="note">{props.note}</p>}
      {exportError && (
        <p className="error" role="alert">
          {i18n.t('exportFailed')}
          {exportError}
        </p>
      )}
      <ListBody answer={answer} {...props} goToPage={goToPage} />
    </section>
  );
};

/** The rows of the answer, or why there are none. */
const ListBody = <Row,>({
  answer,
  goToPage,
  ...props
}: ListViewProps<Row> & {
  answer: Loading<ListPage<Row>>;
  goToPage: (to: number) => void;
}) => {
  const i18n = useI18n();

  return (
    <>
      {answer.status === 'loading' && <p className="loading">{i18n.t('loading')}</p>}
      {answer.status === 'notFound' && <p className="message">{i18n.t('notFound')}</p>}
      {answer.status === 'failed' && (
        <p className="error" role="alert">
          {i18n.t('failed')}
          {answer.message}
        </p>
      )}
      {answer.status === 'ok' && answer.body.total === 0 && (
        <p className="empty">{i18n.t('noRows')}</p>
      )}
      {answer.status === 'ok' && answer.body.total > 0 && (
        <>
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  {props.columns.map((column) => (
                    <th key={column.key} scope="col">
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {answer.body.rows.map((row) => (
                  <tr key={props.rowKey(row)} data-row={props.rowKey(row)}>
                    {props.columns.map((column) => (
                      <td
                        key={column.key}
                        data-column={column.key}
                        className={column.number ? 'number' : undefined}
                      >
                        {column.cell(row)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager {...answer.body} goToPage={goToPage} />
        </>
      )}
    </>
  );
};

const Pager = ({
  page,
  pageSize,
  total,
  goToPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  goToPage: (to: number) => void;
}) => {
  const i18n = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <nav className="pager">
      <button type="button" disabled={page <= 1} onClick={() => goToPage(page - 1)}>
        {i18n.t('previous')}
      </button>
      <span>{i18n.t('rows', { page, pages, total: i18n.count(total) })}</span>
      <button type="button" disabled={page >= pages} onClick={() => goToPage(page + 1)}>
        {i18n.t('next')}
      </button>
    </nav>
  );
};
