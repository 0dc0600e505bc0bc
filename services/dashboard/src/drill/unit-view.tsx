import { useEffect, useState } from 'react';

import type { ListKind } from '../api/lists';
import { LIST_KINDS } from '../api/lists';
import type { ChildSummary, Summary } from '../api/reports';
import { fetchChildren, fetchSummary } from '../api/reports';
import { useAnswer } from '../api/use-answer';
import { exportStatistics } from '../figures/export-statistics';
import { KpiCards } from '../figures/kpi-cards';
import { useI18n } from '../i18n/i18n';
import { LIST_LABELS, UnitList } from '../lists/unit-lists';
import { LiveMark } from '../live/live-mark';
import { useLiveUpdates } from '../live/use-live-updates';
import { followLink, navigate, useLocation, withQuery } from '../routing/router';
import type { SignedInUser } from '../session/session';
import { ReportSubmissions } from '../submissions/report-submissions';
import { submissionText } from '../submissions/submission-texts';
import { Trends } from '../trends/trends';
import type { Crumb } from './breadcrumb';
import { Breadcrumb } from './breadcrumb';
import { ChildrenTable } from './children-table';
import { knownAtOf, KnownAtPicker } from './known-at';
import { rememberNames, useTrail } from './trail-names';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const today = () => new Date().toISOString().slice(0, 10);

/** The as-of date of the URL, if it is one. */
export const asOfOf = (query: URLSearchParams): string | undefined => {
  const asOf = query.get('asOf');

  return asOf && ISO_DATE.test(asOf) ? asOf : undefined;
};

const AsOfPicker = ({
  asOf,
  knownAt,
}: {
  asOf: string | undefined;
  knownAt: string | undefined;
}) => {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();

  return (
    <div className="pickers">
      {/* On paper the date is text: the picker is not printed. */}
      <p className="print-only">
        {asOf ? i18n.t('asOfDay', { date: i18n.date(asOf) }) : i18n.t('asOfNow')}
      </p>
      <label>
        {t('asOf')}{' '}
        <input
          type="date"
          name="asOf"
          value={asOf ?? ''}
          max={today()}
          onChange={(event) => navigate(withQuery(location, { asOf: event.target.value }))}
        />
      </label>
      <button
        type="button"
        disabled={!asOf}
        onClick={() => navigate(withQuery(location, { asOf: undefined }))}
      >
        {t('now')}
      </button>
      <KnownAtPicker knownAt={knownAt} />
    </div>
  );
};

/** The list of the URL (`?list=unions|terms|uncovered`), or none for the overview. */
export const listOf = (query: URLSearchParams): ListKind | undefined =>
  LIST_KINDS.find((kind) => kind === query.get('list'));

/** What a tab leaves behind: the other view's filters, sort and page. */
const VIEW_PARAMS = [
  'page',
  'sort',
  'dir',
  'name',
  'status',
  'within',
  'state',
  'period',
  'report',
];

/** 报表报送 (`?list=reports`): a view of its own beside the lists. */
const REPORTS_VIEW = 'reports';
type OtherView = ListKind | typeof REPORTS_VIEW;

/** The view of the URL other than the overview: a list, or 报表报送. */
const otherViewOf = (query: URLSearchParams): OtherView | undefined =>
  query.get('list') === REPORTS_VIEW ? REPORTS_VIEW : listOf(query);

const OtherViewOf = ({
  view,
  id,
  asOf,
  knownAt,
  user,
}: {
  view: OtherView;
  id: string;
  asOf: string | undefined;
  knownAt: string | undefined;
  user: SignedInUser;
}) =>
  view === REPORTS_VIEW ? (
    <ReportSubmissions id={id} user={user} />
  ) : (
    <UnitList kind={view} id={id} asOf={asOf} knownAt={knownAt} />
  );

const ViewTabs = ({ list }: { list: string | undefined }) => {
  const { t, lang } = useI18n();
  const location = useLocation();
  const tab = (kind: string | undefined, label: string) => (
    <li key={kind ?? 'overview'}>
      <a
        href={withQuery(location, {
          list: kind,
          ...Object.fromEntries(VIEW_PARAMS.map((name) => [name, undefined] as const)),
        })}
        aria-current={kind === list ? 'page' : undefined}
        data-list={kind ?? 'overview'}
        onClick={followLink}
      >
        {label}
      </a>
    </li>
  );

  return (
    <nav className="tabs" aria-label={t('views')}>
      <ul>
        {tab(undefined, t('overview'))}
        {LIST_KINDS.map((kind) => tab(kind, t(LIST_LABELS[kind])))}
        {tab(REPORTS_VIEW, submissionText(lang, 'tab'))}
      </ul>
    </nav>
  );
};

/** Export of the view's statistics table (written in the browser) and the print view. */
const ViewTools = ({
  trail,
  asOf,
  knownAt,
  summary,
  children,
}: {
  trail: readonly Crumb[];
  asOf: string | undefined;
  knownAt: string | undefined;
  summary: Summary;
  children: readonly ChildSummary[];
}) => {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unitName = trail[trail.length - 1]?.name ?? summary.orgUnitId;
  const exportSheet = async () => {
    setBusy(true);
    setError(null);
    try {
      await exportStatistics(
        { unitName, asOf, knownAt, summary, children },
        `${unitName}统计表${asOf ? `-${asOf}` : ''}.xlsx`,
      );
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="view-tools">
      <button
        type="button"
        className="export-statistics"
        disabled={busy}
        onClick={() => void exportSheet()}
      >
        {busy ? t('exporting') : t('exportStatistics')}
      </button>
      <button type="button" className="print" onClick={() => window.print()}>
        {t('print')}
      </button>
      {error && (
        <p className="error" role="alert">
          {t('exportFailed')}
          {error}
        </p>
      )}
    </div>
  );
};

/**
 * A unit's view, `/units/<signed-in unit>/…/<unit>`: breadcrumb, as-of date, KPI cards, trends
 * and the units below it. The path is the drill-down, so the back button walks back up it.
 */
export const UnitView = ({ ids, user }: { ids: readonly string[]; user: SignedInUser }) => {
  const { t } = useI18n();
  const location = useLocation();
  const asOf = asOfOf(location.query);
  const id = ids[ids.length - 1]!;
  const list = otherViewOf(location.query);
  const knownAt = knownAtOf(location.query);
  // Live only for the figures now, as known now: a past date or instant does not change.
  const live = useLiveUpdates(id, !asOf && !knownAt);
  const summary = useAnswer(
    (signal) => fetchSummary(id, { asOf, knownAt }, signal),
    [id, asOf, knownAt],
    live.refresh,
  );
  const children = useAnswer(
    (signal) => fetchChildren(id, { asOf, knownAt }, signal),
    [id, asOf, knownAt],
    live.refresh,
  );
  const trail = useTrail(ids, user);
  useEffect(() => {
    if (children.status === 'ok') rememberNames(children.body.children);
  }, [children]);
  useEffect(() => {
    // The moment the figures are on screen, for the end-to-end test's paint timings.
    if (summary.status === 'ok') performance.mark('taizhang:figures-shown');
  }, [summary]);

  if (summary.status === 'notFound')
    return (
      <main className="message">
        <p>{t('notFound')}</p>
        <a href={user.orgUnitId ? `/units/${user.orgUnitId}` : '/'} onClick={followLink}>
          {t('backHome')}
        </a>
      </main>
    );

  return (
    <main>
      <Breadcrumb trail={trail} />
      <AsOfPicker asOf={asOf} knownAt={knownAt} />
      <LiveMark live={live} />
      <ViewTabs list={list} />
      {list ? (
        <OtherViewOf view={list} id={id} asOf={asOf} knownAt={knownAt} user={user} />
      ) : (
        <>
          {summary.status === 'loading' && <p className="loading">{t('loading')}</p>}
          {summary.status === 'failed' && (
            <p className="error" role="alert">
              {t('failed')}
              {summary.message}
            </p>
          )}
          {summary.status === 'ok' && <KpiCards summary={summary.body} asOf={asOf} />}
          <Trends unitId={id} asOf={asOf} knownAt={knownAt} refresh={live.refresh} />
          {summary.status === 'ok' && children.status === 'ok' && (
            <ViewTools
              trail={trail}
              asOf={asOf}
              knownAt={knownAt}
              summary={summary.body}
              children={children.body.children}
            />
          )}
          {children.status === 'ok' && <ChildrenTable rows={children.body.children} />}
        </>
      )}
    </main>
  );
};
