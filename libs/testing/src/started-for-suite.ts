/**
 * What a suite tests, started before its tests and closed after them (`beforeAll`, `afterAll`):
 * `const gateway = startedForSuite(() => startGateway({ NODE_ENV: 'production' }))`, then
 * `gateway.http()` in its tests, as if it were the started object itself.
 */
export const startedForSuite = <T extends { close(): Promise<unknown> }>(
  start: () => Promise<T>,
): T => {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(() => started?.close());

  // Tests reach the object only once beforeAll has made it: until then there is nothing to stand for.
  return new Proxy({} as T, {
    get: (_, key) => {
      if (!started) throw new Error('Not started yet: use it inside the suite’s tests or hooks');
      const value: unknown = Reflect.get(started, key);

      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(started)
        : value;
    },
  });
};
