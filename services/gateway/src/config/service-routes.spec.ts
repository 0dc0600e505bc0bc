import { gatewayEnvSchema } from './gateway-env.schema';
import { FORWARDED_SERVICES, serviceRoutes, serviceUrlVariable } from './service-routes';

describe('serviceRoutes', () => {
  it('routes each forwarded service whose URL is given, and nothing else of the environment', () => {
    expect(
      serviceRoutes({
        ORGANISATION_URL: 'http://127.0.0.1:3001',
        HARDSHIP_AID_URL: 'https://aid.internal',
        GATEWAY_URL: 'http://127.0.0.1:8080',
        CALLBACK_URL: 'http://elsewhere.example',
        DATABASE_URL: 'postgres://postgres@127.0.0.1/taizhang_gateway',
        REDIS_URL: 'redis://127.0.0.1:6379',
        PORT: 8080,
      }),
    ).toEqual({ organisation: 'http://127.0.0.1:3001', 'hardship-aid': 'https://aid.internal' });
  });

  it('reads and checks the URL variable of every forwarded service', () => {
    for (const service of FORWARDED_SERVICES)
      expect(gatewayEnvSchema.shape).toHaveProperty(serviceUrlVariable(service));
  });
});
