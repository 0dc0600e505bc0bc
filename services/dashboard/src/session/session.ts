/**
 * The sign-in, kept for the tab (sessionStorage, so a reload stays signed in and closing the tab
 * forgets it) and refreshed before the access token runs out: the gateway's POST /auth/login,
 * /auth/refresh (each refresh token works once) and /auth/logout.
 */
export interface SignedInUser {
  id: string;
  username: string;
  role: 'admin' | 'union_cadre' | 'federation_officer' | 'auditor';
  orgUnitId: string | null;
  orgPath: string | null;
}

interface Tokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  user: SignedInUser;
}

export interface SessionState {
  user: SignedInUser;
  accessToken: string;
  refreshToken: string;
  /** When the access token runs out, in ms since the epoch. */
  accessExpiresAt: number;
}

export type SignInFailure = 'wrongPassword' | 'tooManyAttempts' | 'serviceUnavailable';

export class SignInError extends Error {
  constructor(readonly reason: SignInFailure) {
    super(reason);
  }
}

const STORAGE_KEY = 'taizhang.session';
// Refresh this long before the access token runs out, so a request never carries a dead one.
const REFRESH_MARGIN_MS = 60_000;

const read = (): SessionState | null => {
  try {
    const kept = sessionStorage.getItem(STORAGE_KEY);

    return kept ? (JSON.parse(kept) as SessionState) : null;
  } catch {
    return null;
  }
};

let state: SessionState | null = read();
let ended = false;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | undefined;

const set = (next: SessionState | null, { endedByServer = false } = {}) => {
  state = next;
  ended = endedByServer;
  try {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Without storage the sign-in lasts as long as the page.
  }
  schedule();
  for (const listener of listeners) listener();
};

const fromTokens = (tokens: Tokens, now = Date.now()): SessionState => ({
  user: tokens.user,
  accessToken: tokens.accessToken,
  refreshToken: tokens.refreshToken,
  accessExpiresAt: now + tokens.expiresIn * 1000,
});

const post = (path: string, body: unknown, token?: string, headers: Record<string, string> = {}) =>
  fetch(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });

function schedule(): void {
  clearTimeout(timer);
  if (!state) return;
  const wait = Math.max(0, state.accessExpiresAt - REFRESH_MARGIN_MS - Date.now());
  timer = setTimeout(() => void refresh(), wait);
}

/** Trades the refresh token for new tokens, once at a time; false (and signed out) if refused. */
export const refresh = (): Promise<boolean> => {
  const current = state;
  if (!current) return Promise.resolve(false);
  refreshing ??= (async () => {
    try {
      const response = await post('/auth/refresh', { refreshToken: current.refreshToken });
      if (response.ok) set(fromTokens((await response.json()) as Tokens));
      // A refused token means the sign-in ended (signed out elsewhere, expired); a server that
      // is down may answer later, so the session is kept and tried again on the next request.
      else if (response.status === 401 || response.status === 400)
        set(null, { endedByServer: true });

      return response.ok;
    } catch {
      return false;
    } finally {
      refreshing = undefined;
    }
  })();

  return refreshing;
};

export const sessionStore = {
  get: (): SessionState | null => state,
  /** Whether the last sign-in was ended by the server rather than by signing out. */
  endedByServer: (): boolean => ended,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);

    return () => listeners.delete(listener);
  },
};

export const signIn = async (username: string, password: string): Promise<SessionState> => {
  const response = await post('/auth/login', { username, password });
  if (response.status === 401 || response.status === 400) throw new SignInError('wrongPassword');
  if (response.status === 429 || response.status === 423) throw new SignInError('tooManyAttempts');
  if (!response.ok) throw new SignInError('serviceUnavailable');
  const next = fromTokens((await response.json()) as Tokens);
  set(next);

  return next;
};

export const signOut = async (): Promise<void> => {
  const current = state;
  set(null);
  if (current)
    await post('/auth/logout', { refreshToken: current.refreshToken }, current.accessToken).catch(
      () => undefined,
    );
};

/** A GET with the access token; a 401 refreshes once and tries again. */
export const authorizedGet = async (
  path: string,
  signal?: AbortSignal,
  accept = 'application/json',
): Promise<Response> => {
  const send = () =>
    fetch(path, {
      headers: { authorization: `Bearer ${state?.accessToken ?? ''}`, accept },
      signal,
    });
  if (state && state.accessExpiresAt - Date.now() < REFRESH_MARGIN_MS / 2) await refresh();
  const response = await send();
  if (response.status !== 401 || !state) return response;

  return (await refresh()) ? send() : response;
};

/** A POST of JSON with the access token (a command: 报表报送); a 401 refreshes once and tries again. */
export const authorizedPost = async (
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> => {
  const send = () => post(path, body, state?.accessToken ?? '', headers);
  if (state && state.accessExpiresAt - Date.now() < REFRESH_MARGIN_MS / 2) await refresh();
  const response = await send();
  if (response.status !== 401 || !state) return response;

  return (await refresh()) ? send() : response;
};

// Resumes the refresh timer of a sign-in kept across a reload.
schedule();
