import { gatewayEnvSchema } from './gateway-env.schema';
import { FORWARDED_SERVICES, serviceRoutes } from './service-routes';

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
    const everyVariableChecked = Object.fromEntries(
      Object.keys(gatewayEnvSchema.shape).map((variable) => [variable, 'http://127.0.0.1:1']),
    );

    expect(Object.keys(serviceRoutes(everyVariableChecked)).sort()).toEqual(
      [...FORWARDED_SERVICES].sort(),
    );
  });
});
