import { serviceRoutes } from './service-routes';

describe('serviceRoutes', () => {
  it('routes each <SERVICE>_URL that is an http(s) URL, except the gateway’s own', () => {
    expect(
      serviceRoutes(
        {
          ORGANISATION_URL: 'http://127.0.0.1:3001',
          HARDSHIP_AID_URL: 'https://aid.internal',
          GATEWAY_URL: 'http://127.0.0.1:8080',
          DATABASE_URL: 'postgres://postgres@127.0.0.1/taizhang_gateway',
          ORGANISATION_DATABASE_URL: 'postgres://postgres@127.0.0.1/taizhang_organisation',
          REDIS_URL: 'redis://127.0.0.1:6379',
          PORT: 8080,
          lower_url: 'http://x',
        },
        'gateway',
      ),
    ).toEqual({ organisation: 'http://127.0.0.1:3001', 'hardship-aid': 'https://aid.internal' });
  });
});
