import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ForwardedRequest } from './service-proxy';
import { createServiceProxy, isStreamedRoute } from './service-proxy';

describe('createServiceProxy', () => {
  const servers: Server[] = [];
  const listen = async (server: Server): Promise<string> => {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

  it.each([
    ['/api/organisation/unions/1', '/unions/1'],
    ['/api/organisation/unions/1?x=2', '/unions/1?x=2'],
    ['/api/organisation', '/'],
    ['/api/organisation?x=1', '/?x=1'],
    ['/api/organisation/', '/'],
  ])('forwards %s as %s', async (url, path) => {
    const service = await listen(createServer((request, response) => response.end(request.url)));
    const proxy = createServiceProxy(5_000);
    const gateway = await listen(
      createServer((request: ForwardedRequest, response) => {
        request.forwardTo = service;
        void proxy(request, response);
      }),
    );

    expect(await (await fetch(`${gateway}${url}`)).text()).toBe(path);
  });

  it('answers a 502 problem when its own handler fails in a later tick, and the process goes on', async () => {
    const service = await listen(createServer((_request, response) => response.end('{}')));
    const proxy = createServiceProxy(5_000);
    const gateway = await listen(
      createServer((request: ForwardedRequest, response) => {
        // A body that cannot be written, as a 6,000-deep array once could not be serialised.
        for (const key of ['body', 'rawBody'])
          Object.defineProperty(request, key, {
            get: () => {
              throw new RangeError('Maximum call stack size exceeded');
            },
          });
        request.forwardTo = service;
        void proxy(request, response);
      }),
    );

    const response = await fetch(`${gateway}/api/organisation/x`, { method: 'POST', body: '[]' });

    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it.each([
    ['/api/organisation/imports/1/events', true],
    ['/api/organisation/imports/1/events?x=1', true],
    ['/api/organisation/imports/1', false],
    ['/api/organisation/imports/1/rejected.xlsx', false],
    ['/api/organisation/unions/1/members/import', false],
    ['/api/reporting/reports/live?unit=d1', true],
    ['/api/reporting/reports/live', true],
    ['/api/reporting/reports/lively', false],
    ['/api/reporting/reports/org-units/d1/summary', false],
  ])('streams %s without a timeout: %s', (url, streamed) =>
    expect(isStreamedRoute(url)).toBe(streamed),
  );

  it("answers a service's Location under the service's prefix of the gateway", async () => {
    const service = await listen(
      createServer((_request, response) => {
        response.writeHead(202, { location: '/imports/1' });
        response.end('{}');
      }),
    );
    const proxy = createServiceProxy(null);
    const gateway = await listen(
      createServer((request: ForwardedRequest, response) => {
        // As Express keeps it, whatever the proxy rewrites.
        request.originalUrl = request.url;
        request.forwardTo = service;
        void proxy(request, response);
      }),
    );

    const response = await fetch(`${gateway}/api/organisation/unions/1/members/import`, {
      method: 'POST',
    });

    expect([response.status, response.headers.get('location')]).toEqual([
      202,
      '/api/organisation/imports/1',
    ]);
  });
});
