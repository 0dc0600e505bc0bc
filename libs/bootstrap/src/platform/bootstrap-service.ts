import type { DynamicModule, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { Logger } from 'nestjs-pino';

import { ConfigValidationError } from '../config/config-validation.error';
import { PlatformConfig } from '../config/platform-config';
import type { ServiceAppOptions } from './create-service-app';
import { createServiceApp } from './create-service-app';

/**
 * A service's `main.ts` in one call: creates the app, starts its microservices, listens on
 * HOST:PORT and logs its URL; if it cannot start (bad environment, database unreachable) it says why and
 * exits with status 1.
 */
export const bootstrapService = async (
  appModule: Type<unknown> | DynamicModule,
  options: ServiceAppOptions = {},
): Promise<NestExpressApplication> => {
  try {
    const app = await createServiceApp(appModule, options);
    const config = app.get(PlatformConfig);
    await options.beforeListen?.(app);
    await app.startAllMicroservices();
    // Loopback unless HOST says otherwise: clients come through the gateway, which checks
    // revocation and rate limits that a service reached directly would not.
    await app.listen(config.http.port, config.http.host);
    app
      .get(Logger)
      .log(
        `${config.serviceName} is listening on ${await app.getUrl()} (OpenAPI at /docs)`,
        'Bootstrap',
      );

    return app;
  } catch (error) {
    // The JSON log above has the details (and the stack); this last line is for the person.
    const reason =
      error instanceof ConfigValidationError
        ? error.message
        : `The service could not start: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${reason}\n`);
    process.exit(1);
  }
};
