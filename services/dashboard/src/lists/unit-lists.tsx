import type { ListKind, TermWarningRow, UncoveredEmployerRow, UnionRow } from '../api/lists';
import { fetchListPage, fetchTermStates, sheetPath } from '../api/lists';
import { useAnswer } from '../api/use-answer';
import type { I18n } from '../i18n/i18n';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { Location } from '../routing/router';
import { navigate, useLocation, withQuery } from '../routing/router';
import type { Column } from './list-view';
import { ListView } from './list-view';

/** The lists of a unit, each at `?list=<kind>` on the unit's own URL. */
export const LIST_LABELS: Record<ListKind, MessageKey> = {
  unions: 'listUnions',
  terms: 'listTerms',
  uncovered: 'listUncovered',
};

const pageParam = (query: URLSearchParams) => {
  const page = Number(query.get('page'));

  return Number.isInteger(page) && page > 1 ? String(page) : undefined;
};

/** One of the URL's values if it is one of `allowed`. */
const oneOf = <T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]) => {
  const value = query.get(name);

  return allowed.find((option) => option === value);
};

/** Writes a filter to the URL, back to the first page. */
const setFilter = (location: Location, name: string, value: string | undefined) =>
  navigate(withQuery(location, { [name]: value, page: undefined }));

const Select = ({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
}) => {
  const location = useLocation();

  return (
    <label>
      {label}{' '}
      <select
        name={name}
        value={value ?? ''}
        onChange={(event) => setFilter(location, name, event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
};

/** The name search: Enter (or leaving the box) puts it in the URL. */
const NameSearch = ({ name }: { name: string | undefined }) => {
  const i18n = useI18n();
  const location = useLocation();

  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        const value = new FormData(event.currentTarget).get('name');
        setFilter(location, 'name', typeof value === 'string' ? value.trim() : undefined);
      }}
    >
      <input
        key={name ?? ''}
        type="search"
        name="name"
        defaultValue={name ?? ''}
        placeholder={i18n.t('search')}
        aria-label={i18n.t('search')}
      />
    </form>
  );
};

const dateOf = (i18n: I18n, date: string | null) => (date ? i18n.date(date) : '—');
const STATUS_LABELS = {
  active: 'statusActive',
  dissolved: 'statusDissolved',
  merged: 'statusMerged',
} as const;

const termState = (i18n: I18n, row: TermWarningRow) =>
  row.electionHeldOn
    ? i18n.t('electionWaiting', { date: i18n.date(row.electionHeldOn) })
    : i18n.t(row.state === 'ended' ? 'termEnded' : 'termEnding');

/** Where a list stands: its date, and the instant it is as known at (both from the URL). */
interface ListAt {
  id: string;
  asOf: string | undefined;
  knownAt?: string | undefined;
}

const UnionsList = ({ id, asOf, knownAt }: ListAt) => {
  const i18n = useI18n();
  const { query } = useLocation();
  const name = query.get('name') || undefined;
  const status = oneOf(query, 'status', ['active', 'dissolved', 'merged'] as const);
  const params = { asOf, knownAt, name, status, page: pageParam(query) };
  const terms = useAnswer((signal) => fetchTermStates(id, signal), ['termStates', id]);
  const termOf = (row: UnionRow) => {
    if (row.status !== 'active') return '—';
    if (terms.status !== 'ok') return terms.status === 'loading' ? '…' : '?';
    const warning = terms.body.get(row.unionId);

    return warning ? termState(i18n, warning) : '—';
  };
  const columns: Column<UnionRow>[] = [
    { key: 'name', label: i18n.t('name'), cell: (row) => row.name },
    {
      key: 'establishedOn',
      label: i18n.t('established'),
      cell: (row) => dateOf(i18n, row.establishedOn),
    },
    { key: 'status', label: i18n.t('status'), cell: (row) => i18n.t(STATUS_LABELS[row.status]) },
    { key: 'endedOn', label: i18n.t('ended'), cell: (row) => dateOf(i18n, row.endedOn) },
    { key: 'term', label: i18n.t('termState'), cell: termOf },
  ];

  return (
    <ListView
      rowKey={(row) => row.unionId}
      columns={columns}
      read={(signal) => fetchListPage<UnionRow>('unions', id, params, signal)}
      deps={['unions', id, params]}
      sheet={{ path: sheetPath('unions', id, params), filename: '工会名录.xlsx' }}
      note={i18n.t('unionsTermNote')}
      filters={
        <>
          <NameSearch name={name} />
          <Select
            name="status"
            label={i18n.t('status')}
            value={status}
            options={[
              { value: '', label: i18n.t('all') },
              ...(['active', 'dissolved', 'merged'] as const).map((value) => ({
                value,
                label: i18n.t(STATUS_LABELS[value]),
              })),
            ]}
          />
        </>
      }
    />
  );
};

const TermsList = ({ id }: { id: string }) => {
  const i18n = useI18n();
  const { query } = useLocation();
  const within = oneOf(query, 'within', ['90', '180'] as const);
  const state = oneOf(query, 'state', ['ended', 'ending'] as const);
  const params = { within, state, page: pageParam(query) };
  const columns: Column<TermWarningRow>[] = [
    { key: 'name', label: i18n.t('name'), cell: (row) => row.name },
    { key: 'parentName', label: i18n.t('parent'), cell: (row) => row.parentName ?? '—' },
    { key: 'termEndsOn', label: i18n.t('termEnds'), cell: (row) => i18n.date(row.termEndsOn) },
    {
      key: 'daysLeft',
      label: i18n.t('daysLeft'),
      cell: (row) => i18n.count(row.daysLeft),
      number: true,
    },
    { key: 'state', label: i18n.t('termState'), cell: (row) => termState(i18n, row) },
  ];

  return (
    <ListView
      rowKey={(row) => row.unionId}
      columns={columns}
      read={(signal) => fetchListPage<TermWarningRow>('terms', id, params, signal)}
      deps={['terms', id, params]}
      sheet={{ path: sheetPath('terms', id, params), filename: '换届预警.xlsx' }}
      note={i18n.t('termsToday')}
      filters={
        <>
          <Select
            name="within"
            label={i18n.t('within')}
            value={within ?? '180'}
            options={['180', '90'].map((days) => ({
              value: days,
              label: i18n.t('withinDays', { days }),
            }))}
          />
          <Select
            name="state"
            label={i18n.t('termState')}
            value={state}
            options={[
              { value: '', label: i18n.t('all') },
              { value: 'ended', label: i18n.t('termEnded') },
              { value: 'ending', label: i18n.t('termEnding') },
            ]}
          />
        </>
      }
    />
  );
};

const UncoveredList = ({ id, asOf, knownAt }: ListAt) => {
  const i18n = useI18n();
  const { query } = useLocation();
  const name = query.get('name') || undefined;
  const params = { asOf, knownAt, name, page: pageParam(query) };
  const columns: Column<UncoveredEmployerRow>[] = [
    { key: 'name', label: i18n.t('name'), cell: (row) => row.name ?? row.employerId.slice(0, 8) },
    { key: 'creditCode', label: i18n.t('creditCode'), cell: (row) => row.creditCode ?? '—' },
    {
      key: 'headcount',
      label: i18n.t('headcount'),
      cell: (row) => (row.headcount === null ? i18n.t('unknown') : i18n.count(row.headcount)),
      number: true,
    },
    {
      key: 'registeredOn',
      label: i18n.t('registeredOn'),
      cell: (row) => i18n.date(row.registeredOn),
    },
    {
      key: 'registeredFor',
      label: i18n.t('registeredFor'),
      cell: (row) => i18n.t('registeredMonths', { months: i18n.count(row.registeredForMonths) }),
      number: true,
    },
  ];

  return (
    <ListView
      rowKey={(row) => row.employerId}
      columns={columns}
      read={(signal) => fetchListPage<UncoveredEmployerRow>('uncovered', id, params, signal)}
      deps={['uncovered', id, params]}
      sheet={{ path: sheetPath('uncovered', id, params), filename: '未建会单位.xlsx' }}
      note={i18n.t('uncoveredNote')}
      filters={<NameSearch name={name} />}
    />
  );
};

/** The list of the URL's `?list=` for the unit. */
export const UnitList = ({ kind, id, asOf, knownAt }: ListAt & { kind: ListKind }) => {
  if (kind === 'unions') return <UnionsList id={id} asOf={asOf} knownAt={knownAt} />;
  // Organisation's warnings are of today, neither as of a date nor as known at an instant.
  if (kind === 'terms') return <TermsList id={id} />;

  return <UncoveredList id={id} asOf={asOf} knownAt={knownAt} />;
};
