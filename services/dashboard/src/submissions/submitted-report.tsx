import { useAnswer } from '../api/use-answer';
import { useI18n } from '../i18n/i18n';
import { followLink, useLocation, withQuery } from '../routing/router';
import { changeText, figureLabel, figureText } from './report-figures';
import { instantText, periodText, useSubmissionText } from './submission-format';
import { fetchReport } from './submissions-api';

/**
 * A submitted report exactly as it was frozen, each figure beside its value now; what entries
 * made since changed is highlighted (`tr.changed`).
 */
export const SubmittedReportView = ({ reportId }: { reportId: string }) => {
  const i18n = useI18n();
  const s = useSubmissionText();
  const location = useLocation();
  const answer = useAnswer((signal) => fetchReport(reportId, signal), [reportId]);
  const back = (
    <a className="back" href={withQuery(location, { report: undefined })} onClick={followLink}>
      {s('back')}
    </a>
  );

  if (answer.status === 'loading') return <p className="loading">{i18n.t('loading')}</p>;
  if (answer.status === 'notFound')
    return (
      <section className="submitted-report">
        <p className="message">{i18n.t('notFound')}</p>
        {back}
      </section>
    );
  if (answer.status === 'failed')
    return (
      <p className="error" role="alert">
        {i18n.t('failed')}
        {answer.message}
      </p>
    );
  const report = answer.body;
  const changes = new Map(report.changesSince.map((change) => [change.figure, change]));

  return (
    <section className="submitted-report" data-report={report.reportId}>
      {back}
      <h2>
        {s('report', {
          name: report.name ?? report.orgUnitId,
          period: periodText(s, report.period),
        })}
      </h2>
      <p className="report-meta">
        {s('reportMeta', {
          asOf: i18n.date(report.asOf),
          knownAt: instantText(i18n.lang, report.knownAt),
          at: instantText(i18n.lang, report.submittedAt),
          by: report.submittedBy.username,
          version: report.version,
        })}
      </p>
      {!report.latest && (
        <p className="superseded">
          {s('superseded')}
          <a href={withQuery(location, { report: report.latestReportId })} onClick={followLink}>
            {s('openLatest')}
          </a>
        </p>
      )}
      <p className="changes-line">
        {report.changesSince.length === 0
          ? s('noChanges')
          : s('changesLine', {
              count: report.changesSince.length,
              at: instantText(i18n.lang, report.checkedAt),
            })}
      </p>
      <table className="report-figures">
        <thead>
          <tr>
            <th>{s('figure')}</th>
            <th>{s('frozen')}</th>
            <th>{s('nowValue')}</th>
            <th>{s('change')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(report.figures).map(([figure, value]) => {
            const change = changes.get(figure);

            return (
              <tr key={figure} data-figure={figure} className={change ? 'changed' : undefined}>
                <th scope="row">{figureLabel(i18n, figure)}</th>
                <td className="frozen" data-value={String(value)}>
                  {figureText(i18n, figure, value)}
                </td>
                <td className="now" data-value={String(change ? change.now : value)}>
                  {figureText(i18n, figure, change ? change.now : value)}
                </td>
                <td className="change">{change ? changeText(i18n, figure, change.change) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
};
