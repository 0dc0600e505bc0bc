import type { FormEvent } from 'react';
import { useState } from 'react';

import { LanguageToggle, useI18n } from '../i18n/i18n';
import type { SignInFailure } from './session';
import { sessionStore, signIn, SignInError } from './session';

/** The sign-in form: `username` and `password`, posted to the gateway's POST /auth/login. */
export const SignIn = () => {
  const { t } = useI18n();
  const [failure, setFailure] = useState<SignInFailure | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setFailure(undefined);
    try {
      const field = (name: string) => (form.get(name) as string | null) ?? '';
      await signIn(field('username'), field('password'));
    } catch (error) {
      setFailure(error instanceof SignInError ? error.reason : 'serviceUnavailable');
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <div className="sign-in-top">
        <h1>{t('appTitle')}</h1>
        <LanguageToggle />
      </div>
      <form onSubmit={(event) => void submit(event)}>
        <h2>{t('signInTitle')}</h2>
        {sessionStore.endedByServer() && !failure && <p className="notice">{t('sessionEnded')}</p>}
        <label>
          {t('username')}
          <input name="username" autoComplete="username" required autoFocus />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {failure && (
          <p className="error" role="alert">
            {t(failure)}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>
  );
};
