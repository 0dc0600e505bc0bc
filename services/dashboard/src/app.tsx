import { useEffect, useSyncExternalStore } from 'react';

import { UnitView } from './drill/unit-view';
import { LanguageToggle, useI18n } from './i18n/i18n';
import { navigate, useLocation } from './routing/router';
import type { SessionState } from './session/session';
import { sessionStore, signOut } from './session/session';
import { SignIn } from './session/sign-in';

const SIGN_IN = '/sign-in';

/** Where a view goes: `/units/<id>/<id>…` (the drill-down path), anything else is not a view. */
const unitPath = (path: string): string[] | undefined => {
  const match = /^\/units\/(.+?)\/?$/.exec(path);

  return match ? match[1]!.split('/').map(decodeURIComponent) : undefined;
};

const Header = ({ session }: { session: SessionState }) => {
  const { t } = useI18n();

  return (
    <header className="top">
      <a
        className="title"
        href={`/units/${session.user.orgUnitId ?? ''}`}
        onClick={(event) => {
          event.preventDefault();
          navigate(`/units/${session.user.orgUnitId ?? ''}`);
        }}
      >
        {t('appTitle')}
      </a>
      <span className="user">{session.user.username}</span>
      <LanguageToggle />
      <button type="button" onClick={() => void signOut()}>
        {t('signOut')}
      </button>
    </header>
  );
};

/**
 * Signed out: the sign-in form (at /sign-in, remembering where the user was going). Signed in:
 * `/` and /sign-in lead to the signed-in unit's view.
 */
export const App = () => {
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  const location = useLocation();
  const { t } = useI18n();
  const ids = unitPath(location.path);
  const home = session?.user.orgUnitId ? `/units/${session.user.orgUnitId}` : undefined;
  useEffect(() => {
    if (!session && location.path !== SIGN_IN) {
      const next = `${location.path}${location.query.size > 0 ? `?${location.query}` : ''}`;
      navigate(next === '/' ? SIGN_IN : `${SIGN_IN}?next=${encodeURIComponent(next)}`, {
        replace: true,
      });
    } else if (session && !ids && home) {
      const next = location.query.get('next');
      navigate(next?.startsWith('/units/') ? next : home, { replace: true });
    }
  }, [session, location.path, location.query, ids, home]);

  if (!session) return <SignIn />;

  return (
    <>
      <Header session={session} />
      {ids ? (
        <UnitView key={ids[0]} ids={ids} user={session.user} />
      ) : (
        !home && <main className="message">{t('noUnit')}</main>
      )}
    </>
  );
};
