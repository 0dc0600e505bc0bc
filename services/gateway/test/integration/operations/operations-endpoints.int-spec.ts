import { startedForSuite } from '@taizhang/testing';

import { startGateway } from '../gateway-test-kit';

describe('/docs and /metrics at the gateway', () => {
  describe('in production', () => {
    const gateway = startedForSuite(() => startGateway({ NODE_ENV: 'production' }));

    it('are not served: 404, as for any unknown path', async () => {
      for (const path of ['/docs', '/docs-json', '/docs-yaml', '/metrics']) {
        const response = await gateway.http().get(path);

        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
      await gateway.http().get('/health/live').expect(200);
    });
  });

  describe('outside production', () => {
    const gateway = startedForSuite(() => startGateway({ NODE_ENV: 'development' }));

    it('are open, for developers', async () => {
      await gateway.http().get('/docs-json').expect(200);
      await gateway.http().get('/metrics').expect(200);
    });
  });
});
