import { lazy, Suspense } from 'react';

import { fetchSeries } from '../api/reports';
import { useAnswer } from '../api/use-answer';
import { useI18n } from '../i18n/i18n';
import { navigate, useLocation, withQuery } from '../routing/router';
import { monthsBefore } from './series-option';

const TrendsChart = lazy(() => import('./trends-chart'));

const MONTH = /^\d{4}-\d{2}$/;
const monthOf = (value: string | null) => (value && MONTH.test(value) ? value : undefined);

/**
 * Monthly trend lines of the unit over a range (default: the twelve months up to the as-of
 * date), from reporting's series endpoint; hidden where reporting has none (404).
 */
export const Trends = ({
  unitId,
  asOf,
  knownAt,
  refresh = 0,
}: {
  unitId: string;
  asOf: string | undefined;
  /** As known at this instant (`?knownAt=`): every month as then entered. */
  knownAt?: string | undefined;
  /** Goes up with each live update: the current month's point is fetched again. */
  refresh?: number;
}) => {
  const { t } = useI18n();
  const location = useLocation();
  const to = monthOf(location.query.get('to')) ?? (asOf ?? new Date().toISOString()).slice(0, 7);
  const from = monthOf(location.query.get('from')) ?? monthsBefore(to, 11);
  const series = useAnswer(
    (signal) => fetchSeries(unitId, { from, to, knownAt }, signal),
    [unitId, from, to, knownAt],
    refresh,
  );
  if (series.status !== 'ok') return null;
  const month = (name: 'from' | 'to', value: string) => (
    <label>
      {t(name)}{' '}
      <input
        type="month"
        name={name}
        value={value}
        onChange={(event) => navigate(withQuery(location, { [name]: event.target.value }))}
      />
    </label>
  );

  return (
    <section className="trends">
      <h2>{t('trends')}</h2>
      <div className="pickers">
        {month('from', from)}
        {month('to', to)}
      </div>
      <Suspense fallback={<p className="loading">{t('loading')}</p>}>
        <TrendsChart points={series.body.points} />
      </Suspense>
    </section>
  );
};
