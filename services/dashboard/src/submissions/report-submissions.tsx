import { useState } from 'react';

import { useAnswer } from '../api/use-answer';
import { useI18n } from '../i18n/i18n';
import { followLink, navigate, useLocation, withQuery } from '../routing/router';
import type { SignedInUser } from '../session/session';
import { isPeriod, lastMonth } from './report-period';
import type { SubmissionText } from './submission-format';
import { instantText, periodText, useSubmissionText } from './submission-format';
import type { SubmissionState } from './submissions-api';
import { fetchSubmissions, submitReport } from './submissions-api';
import { SubmittedReportView } from './submitted-report';

const SUBMITTING_KINDS = ['street', 'district'];

/** The period of the URL (`?period=`), else the last month that has ended. */
const periodOf = (query: URLSearchParams): string => {
  const asked = query.get('period');

  return asked && isPeriod(asked) ? asked : lastMonth();
};

const PeriodForm = ({ period }: { period: string }) => {
  const s = useSubmissionText();
  const location = useLocation();
  const [error, setError] = useState(false);

  return (
    <form
      className="period-form"
      onSubmit={(event) => {
        event.preventDefault();
        const raw = new FormData(event.currentTarget).get('period');
        const value = typeof raw === 'string' ? raw.trim() : '';
        setError(!isPeriod(value));
        if (isPeriod(value)) navigate(withQuery(location, { period: value, report: undefined }));
      }}
    >
      <label>
        {s('period')}{' '}
        <input name="period" defaultValue={period} key={period} placeholder={s('periodHint')} />
      </label>
      <button type="submit">{s('show')}</button>
      {error && (
        <p className="error" role="alert">
          {s('badPeriod')}
        </p>
      )}
    </form>
  );
};

const submittedLine = (s: SubmissionText, lang: 'zh-CN' | 'en', state: SubmissionState) =>
  s('ownSubmitted', {
    at: instantText(lang, state.submittedAt),
    by: state.submittedBy.username,
    version: state.version,
  });

interface Outcome {
  ok: boolean;
  text: string;
}

/** The unit's own report: its state, and for its own officer the button that submits it. */
const OwnReport = ({
  id,
  period,
  own,
  maySubmit,
  outcome,
  onOutcome,
}: {
  id: string;
  period: string;
  own: SubmissionState | null;
  maySubmit: boolean;
  /** Kept by the view: the state is read again after a submission. */
  outcome: Outcome | null;
  onOutcome: (outcome: Outcome | null) => void;
}) => {
  const { lang } = useI18n();
  const s = useSubmissionText();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    onOutcome(null);
    const answer = await submitReport(id, period, lang);
    setBusy(false);
    onOutcome(
      answer.ok
        ? { ok: true, text: s('submitted') }
        : { ok: false, text: `${s('submitFailed')}${answer.message}` },
    );
  };

  return (
    <section className="own-report">
      <h3>{s('own')}</h3>
      <p className="own-state" data-submitted={own ? 'true' : 'false'}>
        {own ? submittedLine(s, lang, own) : s('ownNotYet')}{' '}
        {own && (
          <a
            href={withQuery(location, { report: own.reportId })}
            data-report={own.reportId}
            onClick={followLink}
          >
            {s('open')}
          </a>
        )}
      </p>
      {maySubmit && (
        <button
          type="button"
          className="submit-report"
          disabled={busy}
          onClick={() => void submit()}
        >
          {busy ? s('submitting') : own ? s('resubmit') : s('submit')}
        </button>
      )}
      {outcome && (
        <p className={outcome.ok ? 'notice' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
};

const SubmissionsOverview = ({ id, user }: { id: string; user: SignedInUser }) => {
  const i18n = useI18n();
  const s = useSubmissionText();
  const location = useLocation();
  const period = periodOf(location.query);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A submission reads the state again (a new round).
  const [round, setRound] = useState(0);
  const answer = useAnswer((signal) => fetchSubmissions(id, period, signal), [id, period, round]);
  const onOutcome = (next: Outcome | null) => {
    setOutcome(next);
    if (next?.ok) setRound((n) => n + 1);
  };

  return (
    <section className="report-submissions">
      <PeriodForm period={period} />
      {answer.status === 'loading' && <p className="loading">{i18n.t('loading')}</p>}
      {answer.status === 'notFound' && <p className="message">{i18n.t('notFound')}</p>}
      {answer.status === 'failed' && (
        <p className="error" role="alert">
          {i18n.t('failed')}
          {answer.message}
        </p>
      )}
      {answer.status === 'ok' && (
        <>
          <h2>{periodText(s, answer.body.period)}</h2>
          {SUBMITTING_KINDS.includes(answer.body.kind) && (
            <OwnReport
              id={id}
              period={period}
              own={answer.body.own}
              maySubmit={user.role === 'federation_officer' && user.orgUnitId === id}
              outcome={outcome}
              onOutcome={onOutcome}
            />
          )}
          <section className="children-submissions">
            <h3>{s('children')}</h3>
            {answer.body.children.length === 0 ? (
              <p className="empty">{s('noChildren')}</p>
            ) : (
              <>
                <p className="tally">
                  {s('tally', { submitted: answer.body.submitted, notYet: answer.body.notYet })}
                </p>
                <table>
                  <thead>
                    <tr>
                      <th>{s('unit')}</th>
                      <th>{s('state')}</th>
                      <th>{s('submittedAt')}</th>
                      <th>{s('submittedBy')}</th>
                      <th>{s('version')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {answer.body.children.map((child) => (
                      <tr
                        key={child.orgUnitId}
                        data-unit={child.orgUnitId}
                        data-state={child.submission ? 'submitted' : 'not-yet'}
                      >
                        <th scope="row">{child.name ?? child.orgUnitId}</th>
                        <td className="state">
                          {child.submission ? s('stateSubmitted') : s('stateNotYet')}
                        </td>
                        <td>
                          {child.submission
                            ? instantText(i18n.lang, child.submission.submittedAt)
                            : ''}
                        </td>
                        <td>{child.submission?.submittedBy.username ?? ''}</td>
                        <td>{child.submission?.version ?? ''}</td>
                        <td>
                          {child.submission && (
                            <a
                              href={withQuery(location, { report: child.submission.reportId })}
                              data-report={child.submission.reportId}
                              onClick={followLink}
                            >
                              {s('open')}
                            </a>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
        </>
      )}
    </section>
  );
};

/**
 * 报表报送 of a unit, at `?list=reports` on its URL: the period (`&period=`), the unit's own
 * report and the button that submits it, its children's state; a report (`&report=<id>`) as frozen.
 */
export const ReportSubmissions = ({ id, user }: { id: string; user: SignedInUser }) => {
  const location = useLocation();
  const reportId = location.query.get('report');

  return reportId ? (
    <SubmittedReportView reportId={reportId} />
  ) : (
    <SubmissionsOverview id={id} user={user} />
  );
};
