import { useI18n } from '../i18n/i18n';
import { navigate, useLocation, withQuery } from '../routing/router';

// An instant with its offset, as reporting takes it (`2026-01-15T00:00:00Z`, `…+08:00`).
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The "as known at" instant of the URL (`?knownAt=`), if it is one. */
export const knownAtOf = (query: URLSearchParams): string | undefined => {
  const knownAt = query.get('knownAt');

  return knownAt && ISO_INSTANT.test(knownAt) && !Number.isNaN(Date.parse(knownAt))
    ? knownAt
    : undefined;
};

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the browser's local `datetime-local` value (what the officer picked). */
export const localInputOf = (instant: string): string => {
  const at = new Date(instant);

  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
};

/** A `datetime-local` value (the browser's time) as a UTC instant without milliseconds. */
export const instantOf = (localInput: string): string | undefined => {
  const at = new Date(localInput);

  return Number.isNaN(at.getTime()) ? undefined : at.toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/** "As known at" (截至录入时间): the figures leave out what was entered after the instant. */
export const KnownAtPicker = ({ knownAt }: { knownAt: string | undefined }) => {
  const i18n = useI18n();
  const location = useLocation();

  return (
    <>
      {knownAt && (
        <p className="print-only">
          {i18n.t('knownAtLine', { instant: localInputOf(knownAt).replace('T', ' ') })}
        </p>
      )}
      <label>
        {i18n.t('knownAt')}{' '}
        <input
          type="datetime-local"
          name="knownAt"
          value={knownAt ? localInputOf(knownAt) : ''}
          onChange={(event) =>
            navigate(withQuery(location, { knownAt: instantOf(event.target.value) }))
          }
        />
      </label>
      <button
        type="button"
        className="known-now"
        disabled={!knownAt}
        onClick={() => navigate(withQuery(location, { knownAt: undefined }))}
      >
        {i18n.t('knownNow')}
      </button>
    </>
  );
};
