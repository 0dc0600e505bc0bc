/** A small JSON client for the e2e suites and the benchmarks. */
export const postJson = async (
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
};

export const getJson = async (
  url: string,
): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(url);

  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
