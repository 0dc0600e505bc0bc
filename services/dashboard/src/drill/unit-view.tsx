import { useEffect } from 'react';

import { fetchChildren, fetchSummary } from '../api/reports';
import { useAnswer } from '../api/use-answer';
import { KpiCards } from '../figures/kpi-cards';
import { useI18n } from '../i18n/i18n';
import { followLink, navigate, useLocation, withQuery } from '../routing/router';
import type { SignedInUser } from '../session/session';
import { Trends } from '../trends/trends';
import { Breadcrumb } from './breadcrumb';
import { ChildrenTable } from './children-table';
import { rememberNames, useTrail } from './trail-names';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const today = () => new Date().toISOString().slice(0, 10);

/** The as-of date of the URL, if it is one. */
export const asOfOf = (query: URLSearchParams): string | undefined => {
  const asOf = query.get('asOf');

  return asOf && ISO_DATE.test(asOf) ? asOf : undefined;
};

const AsOfPicker = ({ asOf }: { asOf: string | undefined }) => {
  const { t } = useI18n();
  const location = useLocation();

  return (
    <div className="pickers">
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
  const summary = useAnswer((signal) => fetchSummary(id, { asOf }, signal), [id, asOf]);
  const children = useAnswer((signal) => fetchChildren(id, { asOf }, signal), [id, asOf]);
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
      <AsOfPicker asOf={asOf} />
      {summary.status === 'loading' && <p className="loading">{t('loading')}</p>}
      {summary.status === 'failed' && (
        <p className="error" role="alert">
          {t('failed')}
          {summary.message}
        </p>
      )}
      {summary.status === 'ok' && <KpiCards summary={summary.body} asOf={asOf} />}
      <Trends unitId={id} asOf={asOf} />
      {children.status === 'ok' && <ChildrenTable rows={children.body.children} />}
    </main>
  );
};
