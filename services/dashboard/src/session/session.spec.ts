import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const user = {
  id: 'u1',
  username: 'officer',
  role: 'federation_officer',
  orgUnitId: 'd1',
  orgPath: 'c1.d1',
};
const tokens = (n: number) => ({
  tokenType: 'Bearer',
  accessToken: `access-${n}`,
  expiresIn: 900,
  refreshToken: `refresh-${n}`,
  refreshExpiresIn: 28_800,
  user,
});
const json = (status: number, body: unknown = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the session', () => {
  let calls: { url: string; init?: RequestInit }[];
  beforeEach(() => {
    sessionStorage.clear();
    vi.resetModules();
    calls = [];
  });
  afterEach(() => vi.unstubAllGlobals());

  const answering = (...answers: Response[]) =>
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => {
        calls.push({ url, init });

        return Promise.resolve(answers.shift() ?? json(500));
      }),
    );

  it('signs in, keeps the tokens for the tab and sends the access token', async () => {
    const session = await import('./session');
    answering(json(200, tokens(1)), json(200, { members: 1 }));
    await session.signIn('officer', 'secret');
    expect(calls[0]!.url).toBe('/auth/login');
    expect(JSON.parse(calls[0]!.init!.body as string)).toEqual({
      username: 'officer',
      password: 'secret',
    });
    expect(JSON.parse(sessionStorage.getItem('taizhang.session')!)).toMatchObject({
      refreshToken: 'refresh-1',
    });
    await session.authorizedGet('/api/reporting/x');
    expect(new Headers(calls[1]!.init!.headers).get('authorization')).toBe('Bearer access-1');
  });

  it('says why a sign-in failed', async () => {
    const session = await import('./session');
    answering(json(401), json(429), json(503));
    for (const reason of ['wrongPassword', 'tooManyAttempts', 'serviceUnavailable'])
      await expect(session.signIn('officer', 'x')).rejects.toMatchObject({ reason });
    expect(session.sessionStore.get()).toBeNull();
  });

  it('refreshes once on a 401 and sends the request again with the new token', async () => {
    const session = await import('./session');
    answering(json(200, tokens(1)), json(401), json(200, tokens(2)), json(200, { ok: true }));
    await session.signIn('officer', 'secret');
    const response = await session.authorizedGet('/api/reporting/x');
    expect(response.status).toBe(200);
    expect(calls.map((call) => call.url)).toEqual([
      '/auth/login',
      '/api/reporting/x',
      '/auth/refresh',
      '/api/reporting/x',
    ]);
    expect(JSON.parse(calls[2]!.init!.body as string)).toEqual({ refreshToken: 'refresh-1' });
    expect(new Headers(calls[3]!.init!.headers).get('authorization')).toBe('Bearer access-2');
  });

  it('ends the session when the refresh token is refused, and says so', async () => {
    const session = await import('./session');
    answering(json(200, tokens(1)), json(401), json(401));
    await session.signIn('officer', 'secret');
    expect((await session.authorizedGet('/api/reporting/x')).status).toBe(401);
    expect(session.sessionStore.get()).toBeNull();
    expect(session.sessionStore.endedByServer()).toBe(true);
  });

  it('signs out at the gateway with the refresh token and forgets the tokens', async () => {
    const session = await import('./session');
    answering(json(200, tokens(1)), new Response(null, { status: 204 }));
    await session.signIn('officer', 'secret');
    await session.signOut();
    expect(calls[1]!.url).toBe('/auth/logout');
    expect(JSON.parse(calls[1]!.init!.body as string)).toEqual({ refreshToken: 'refresh-1' });
    expect(sessionStorage.getItem('taizhang.session')).toBeNull();
    expect(session.sessionStore.endedByServer()).toBe(false);
  });
});
