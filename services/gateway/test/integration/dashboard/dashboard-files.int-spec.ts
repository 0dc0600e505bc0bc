import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startedForSuite } from '@taizhang/testing';

import { startGateway } from '../gateway-test-kit';

// A built dashboard of its own: the page, a fingerprinted bundle and the icon.
const builtDashboard = (): string => {
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'taizhang-dashboard-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>台账</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), 'console.log(1);');
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
  fs.writeFileSync(path.join(dir, '.secret'), 'no');

  return dir;
};

describe('the dashboard at the gateway (one origin with the API)', () => {
  const gateway = startedForSuite(() =>
    startGateway({ DASHBOARD_DIR: builtDashboard(), NODE_ENV: 'development' }),
  );

  it('answers its page at / and at each of its views, so a shared link or a reload opens', async () => {
    for (const view of [
      '/',
      '/sign-in',
      '/units/a1',
      '/units/a1/b2/c3?asOf=2025-12-31&sort=members',
    ]) {
      const response = await gateway.http().get(view);
      expect({ view, status: response.status, type: response.type }).toEqual({
        view,
        status: 200,
        type: 'text/html',
      });
      expect(response.text).toContain('台账');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  it('serves its fingerprinted files for good, and a missing one is a 404 problem', async () => {
    const bundle = await gateway.http().get('/assets/index-AbC123.js').expect(200);
    expect(bundle.type).toBe('text/javascript');
    expect(bundle.headers['cache-control']).toContain('immutable');
    await gateway.http().get('/favicon.svg').expect(200);
    const missing = await gateway.http().get('/assets/index-Missing.js').expect(404);
    expect(missing.type).toBe('application/problem+json');
    await gateway.http().get('/.secret').expect(404);
    await gateway.http().get('/assets/..%2F.secret').expect(404);
  });

  it('leaves the gateway’s own routes, the API, the probes and the documents as they were', async () => {
    await gateway.http().get('/health/live').expect(200);
    await gateway.http().get('/docs-json').expect(200);
    await gateway.http().get('/metrics').expect(200);
    for (const path of [
      '/auth/me',
      '/org-units',
      '/users',
      '/api/reporting/reports/org-units/x/summary',
    ])
      expect({ path, status: (await gateway.http().get(path)).status }).toEqual({
        path,
        status: 401,
      });
    // Only GET and HEAD reach the page.
    await gateway.http().post('/units/a1').send({}).expect(404);
    await gateway.http().head('/units/a1').expect(200);
  });
});
