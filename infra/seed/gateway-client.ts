/**
 * The demo seeds talk to the platform as a client does: through the gateway, signed in. The
 * admin builds the org tree and the accounts; each union's cadre records its members.
 */
export const GATEWAY = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:8080';
const ADMIN_PASSWORD = process.env['TAIZHANG_ADMIN_PASSWORD'];

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

export const call = async (
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> => {
  const response = await fetch(`${GATEWAY}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  return {
    status: response.status,
    body: await response.json().catch(() => null),
    headers: response.headers,
  };
};

export interface SignedIn {
  accessToken: string;
  user: { id: string; orgUnitId: string | null; orgPath: string | null };
}

/** How long the gateway asks a refused caller to wait (429), in seconds. */
const retryAfter = ({ body, headers }: Answer): number => {
  const asked =
    (body as { retryAfterSeconds?: number } | null)?.retryAfterSeconds ??
    Number(headers.get('retry-after'));

  return Number.isFinite(asked) && asked > 0 ? asked : 60;
};

/**
 * Signs in; `undefined` for a wrong username or password (401). The seed's steps sign their
 * users in again and again within a minute, as a busy office would: when the gateway's sign-in
 * limit answers 429, this waits as long as it asks, as a well-behaved client does, and tries again.
 */
export const signIn = async (username: string, password: string): Promise<SignedIn | undefined> => {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await call('POST', '/auth/login', undefined, { username, password });
    if (answer.status === 401) return undefined;
    if (answer.status === 200) return answer.body as SignedIn;
    if (answer.status !== 429 || attempt === 4)
      throw new Error(
        `${username} could not sign in at ${GATEWAY} (${answer.status}): ${JSON.stringify(answer.body)}`,
      );
    const seconds = retryAfter(answer);
    console.log(`  ${username}: the gateway limits sign-ins; trying again in ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
};

export const signInAsAdmin = async (): Promise<string> => {
  if (!ADMIN_PASSWORD)
    throw new Error('TAIZHANG_ADMIN_PASSWORD is not set: the demo seed needs it');
  const admin = await signIn('admin', ADMIN_PASSWORD);
  if (!admin)
    throw new Error(
      'The demo seed cannot sign in as admin with the given password. Set TAIZHANG_ADMIN_PASSWORD to admin’s password and run npm start again.',
    );

  return admin.accessToken;
};

/**
 * A command through the gateway with a fixed Idempotency-Key (namespaced per signed-in user by
 * the services), so running the seed again replays the first answers and records nothing new.
 */
export const seedCommand = async (
  token: string,
  path: string,
  key: string,
  body: unknown,
): Promise<{ id: string; replayed: boolean }> => {
  const answer = await call('POST', path, token, body, { 'idempotency-key': `demo-seed:${key}` });
  if (answer.status >= 300)
    throw new Error(
      `The demo seed failed at ${path} (${answer.status}): ${JSON.stringify(answer.body)}`,
    );

  return {
    id: (answer.body as { id: string }).id,
    replayed: answer.headers.get('idempotent-replayed') === 'true',
  };
};
