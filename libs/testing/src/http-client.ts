/** A POST of a body as it is (an Excel sheet, a broken JSON text), its answer read as JSON. */
export const postBody = async (
  url: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> => {
  const response = await fetch(url, { method: 'POST', headers, body });

  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
};

/** A small JSON client for the e2e suites and the benchmarks. */
export const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  postBody(url, JSON.stringify(body), { 'content-type': 'application/json', ...headers });

export const getJson = async (
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(url, { headers });

  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** A signed-in caller's JSON client: every request carries its headers (a bearer token). */
export interface CallerClient {
  post: typeof postJson;
  get: typeof getJson;
}

export const callerClient = (
  headers: () => Promise<Record<string, string>> | Record<string, string>,
): CallerClient => ({
  post: async (url, body, more = {}) => postJson(url, body, { ...(await headers()), ...more }),
  get: async (url, more = {}) => getJson(url, { ...(await headers()), ...more }),
});
