import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { MAX_XLSX_BODY_BYTES, XLSX_MEDIA_TYPE } from '@taizhang/bootstrap';
import { Topics } from '@taizhang/contracts';
import type { RunningServices } from '@taizhang/testing';
import { answerBeforeBody, eventually, startServices } from '@taizhang/testing';

import type { GatewayUnderTest, Tokens } from '../gateway-test-kit';
import {
  ADMIN_PASSWORD,
  bearer,
  createUser,
  login,
  PASSWORD,
  startGateway,
} from '../gateway-test-kit';

interface Echo {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

// A stand-in service that answers with what it received.
const startEchoService = async (): Promise<{ url: string; server: Server }> => {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const echo: Echo = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      response.writeHead(202, { 'content-type': 'application/json', 'x-echo': 'yes' });
      response.end(JSON.stringify(echo));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
};

describe('forwarding /api/<service>/… through the gateway', () => {
  let services: RunningServices;
  let echo: { url: string; server: Server };
  let gateway: GatewayUnderTest;
  let admin: Tokens;
  const api = (method: 'get' | 'post' | 'patch', path: string, tokens?: Tokens) => {
    const call = gateway.http()[method](path);

    return tokens ? call.set('authorization', bearer(tokens)) : call;
  };

  beforeAll(async () => {
    [services, echo] = await Promise.all([
      startServices(['organisation'], [Topics.organisation]),
      startEchoService(),
    ]);
    const topic = services.topics.names[Topics.organisation]!;
    gateway = await startGateway(
      {
        ORGANISATION_URL: services.urls['organisation']!,
        RIGHTS_URL: echo.url,
        HARDSHIP_AID_URL: echo.url,
        // Not one of the platform's services: a variable alone never makes a route.
        SURVEYS_URL: echo.url,
        // Nothing listens there: the service is down.
        REPORTING_URL: 'http://127.0.0.1:9',
        // Its own URL is not a service to forward to.
        GATEWAY_URL: 'http://127.0.0.1:9',
        // The key pair organisation verifies with.
        AUTH_PRIVATE_KEY: services.auth.privateKeyPem,
        // The replica believes what this run's organisation signs.
        ...services.eventKeys['organisation']!.verifyingEnv,
      },
      { consumeFrom: topic.slice(Topics.organisation.length) },
    );
    admin = await login(gateway, 'admin', ADMIN_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await services?.close();
    echo?.server.close();
  });

  describe('to a stand-in service', () => {
    it('sends method, path, query, body and the Authorization header on, and the answer back', async () => {
      const response = await api(
        'patch',
        '/api/rights/disputes/7?include=history&x=%E5%B7%A5',
        admin,
      )
        .set('idempotency-key', 'key-1')
        .set('if-match', '"3"')
        .send({ note: '调解成功', amount: 120_000, flags: [true, null] });

      expect(response.status).toBe(202);
      expect(response.headers['x-echo']).toBe('yes');
      const received = response.body as Echo;
      expect(received).toMatchObject({
        method: 'PATCH',
        url: '/disputes/7?include=history&x=%E5%B7%A5',
        headers: {
          authorization: bearer(admin),
          'idempotency-key': 'key-1',
          'if-match': '"3"',
          'x-forwarded-for': expect.stringContaining('127.0.0.1') as unknown,
          'x-request-id': response.headers['x-request-id'] as string,
        },
      });
      expect(JSON.parse(received.body)).toEqual({
        note: '调解成功',
        amount: 120_000,
        flags: [true, null],
      });
    });

    it('times forwarded requests under one route label per service, never per path or made-up name', async () => {
      await api('get', '/api/rights/disputes/8', admin).expect(202);
      await api('get', '/api/no-such-service-4f1c/x', admin).expect(404);

      const metrics = (await gateway.http().get('/metrics')).text;
      const routes = [
        ...metrics.matchAll(/taizhang_http_request_duration_seconds_count\{[^}]*route="([^"]*)"/g),
      ].map((match) => match[1]);
      expect(routes).toContain('/api/rights/*path');
      expect(routes).toContain('/api/*path');
      expect(routes.filter((route) => /disputes|no-such-service/.test(route!))).toEqual([]);
    });

    it('sends falsy JSON bodies too, and no body when there is none', async () => {
      for (const body of ['null', 'false', '0', '""', '[]']) {
        const response = await api('post', '/api/rights/x', admin)
          .set('content-type', 'application/json')
          .send(body);

        expect((response.body as Echo).body).toBe(body);
        expect((response.body as Echo).headers['content-length']).toBe(String(body.length));
      }
      expect((await api('get', '/api/rights', admin)).body).toMatchObject({ url: '/', body: '' });
    });

    it('refuses a bad body at the gateway, before it reaches the service', async () => {
      const response = await api('post', '/api/rights/x', admin)
        .set('content-type', 'application/json')
        .send('{"a":');

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'MALFORMED_JSON' });
    });
  });

  describe('to organisation', () => {
    it('creates and reads through one origin, with idempotent replays intact', async () => {
      const create = () =>
        api('post', '/api/organisation/org-units', admin)
          .set('idempotency-key', 'forwarding-city')
          .send({ code: '2101', name: '沈阳市总工会', kind: 'municipal' });
      const created = await create();
      const replayed = await create();

      expect(created.status).toBe(201);
      const { id } = created.body as { id: string };
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      expect((replayed.body as { id: string }).id).toBe(id);
      const read = await api('get', `/api/organisation/org-units/${id}`, admin);
      expect(read.status).toBe(200);
      expect(read.headers['etag']).toBe('"1"');
      expect(read.body).toMatchObject({ name: '沈阳市总工会', kind: 'municipal' });
    });

    it("passes the service's own problems through", async () => {
      const response = await api('post', '/api/organisation/org-units', admin).send({
        code: '1',
        name: 'x',
        kind: 'planet',
      });

      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      // The service's own path: the request reached it.
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', instance: '/org-units' });
    });

    it('feeds the replica, so that accounts can be placed in the new unit and carry its path', async () => {
      const created = await api('post', '/api/organisation/org-units', admin).send({
        code: '2102',
        name: '大连市总工会',
        kind: 'municipal',
      });
      const { id } = created.body as { id: string };
      await eventually(
        async () => (await api('get', `/org-units/${id}`, admin)).status,
        (status) => status === 200,
        30_000,
      );
      await createUser(gateway, admin, {
        username: 'dalian.officer',
        role: 'federation_officer',
        orgUnitId: id,
      });
      await createUser(gateway, admin, {
        username: 'dalian.auditor',
        role: 'auditor',
        orgUnitId: id,
      });

      const officer = await login(gateway, 'dalian.officer', PASSWORD);
      expect(officer.user.orgPath).toBe(id);
      expect((await api('get', `/api/organisation/org-units/${id}`, officer)).status).toBe(200);

      const auditor = await login(gateway, 'dalian.auditor', PASSWORD);
      expect((await api('get', `/api/organisation/org-units/${id}`, auditor)).status).toBe(200);
      const write = await api('post', '/api/organisation/org-units', auditor).send({
        code: '9',
        name: '审计',
        kind: 'municipal',
      });
      expect(write.status).toBe(403);
      expect(write.body).toMatchObject({
        code: 'READ_ONLY_ROLE',
        instance: '/api/organisation/org-units',
      });
    });
  });

  describe('hostile bodies', () => {
    // 12 KB that once stopped the gateway: re-serialising it overflowed the stack in a later tick.
    const NESTED = '['.repeat(6000) + ']'.repeat(6000);

    it('refuses JSON nested 6,000 deep with 400 at the gateway, and keeps forwarding', async () => {
      const response = await api('post', '/api/organisation/x', admin)
        .set('content-type', 'application/json')
        .send(NESTED);

      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        code: 'JSON_TOO_DEEP',
        instance: '/api/organisation/x',
      });
      await gateway.http().get('/health/live').expect(200);
      expect((await api('get', '/api/rights/after', admin)).status).toBe(202);
    });

    it('refuses it with 400 at a service reached directly, whose process keeps answering', async () => {
      const url = services.urls['organisation']!;
      const response = await fetch(`${url}/org-units`, {
        method: 'POST',
        headers: {
          ...(await services.auth.headers({ role: 'admin' })),
          'content-type': 'application/json',
        },
        body: NESTED,
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'JSON_TOO_DEEP' });
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
    });

    it('refuses a 32 MiB workbook without a token, or by a role the route does not list, before it is read', async () => {
      const server = gateway.app.getHttpServer();
      if (!server.listening)
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const route = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/organisation/unions/00000000-0000-4000-8000-000000000000/members/import`;
      const headers = { 'content-type': XLSX_MEDIA_TYPE };

      // At the gateway: no token, no forwarding.
      const anonymous = await answerBeforeBody(route, headers, MAX_XLSX_BODY_BYTES);
      // At the service, through the gateway: the admin keeps accounts but imports no members.
      const byAdmin = await answerBeforeBody(
        route,
        { ...headers, authorization: bearer(admin) },
        MAX_XLSX_BODY_BYTES,
      );

      expect([anonymous.status, anonymous.body['code']]).toEqual([401, 'TOKEN_MISSING']);
      expect([byAdmin.status, byAdmin.body['code']]).toEqual([403, 'ROLE_NOT_ALLOWED']);
      await gateway.http().get('/health/live').expect(200);
    });

    it('sends the JSON text on as the client wrote it (no precision lost in between)', async () => {
      const text = '{"amount":12345678901234567890,"note":"\\u5de5"}';
      const response = await api('post', '/api/rights/x', admin)
        .set('content-type', 'application/json')
        .send(text);

      expect((response.body as Echo).body).toBe(text);
    });
  });

  describe('the services it knows', () => {
    it('are the platform’s services given a <SERVICE>_URL', async () => {
      const aid = await api('get', '/api/hardship-aid/files/1', admin);

      expect([aid.status, (aid.body as Echo).url]).toEqual([202, '/files/1']);
    });

    it('answer 404 for a service that is not given one (not yet built), for a name outside the platform whatever the environment says, and for the gateway itself', async () => {
      for (const service of ['activities', 'surveys', 'gateway']) {
        const response = await api('post', `/api/${service}/x`, admin).send({});

        expect({ service, status: response.status, body: response.body as unknown }).toMatchObject({
          service,
          status: 404,
          body: { code: 'NOT_FOUND', service },
        });
      }
    });
  });

  describe('refuses', () => {
    it('a request without a valid token, at the gateway', async () => {
      const response = await api(
        'get',
        '/api/organisation/org-units/00000000-0000-4000-8000-000000000000',
      );

      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({
        code: 'TOKEN_MISSING',
        instance: '/api/organisation/org-units/00000000-0000-4000-8000-000000000000',
      });
    });

    it('an unknown service with 404, and a service that is down with a 502 problem', async () => {
      const unknown = await api('get', '/api/payroll/x', admin);
      const down = await api('get', '/api/reporting/reports/org-units/x/summary', admin);

      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', service: 'payroll' });
      expect(down.status).toBe(502);
      expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(down.body).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        instance: '/api/reporting/reports/org-units/x/summary',
      });
    });
  });
});
