import type { DynamicModule, Type } from '@nestjs/common';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { Logger } from 'nestjs-pino';

import { PlatformConfig } from '../config/platform-config';
import type { OpenApiOptions } from './open-api';
import { setUpOpenApi } from './open-api';
import { SERVES_OPERATIONS_ENDPOINTS } from './operations-endpoints';

/** Options of {@link createServiceApp} and {@link bootstrapService}. */
export interface ServiceAppOptions {
  openApi?: OpenApiOptions;
  /**
   * Runs before the app starts listening (bootstrapService only), e.g. to
   * `app.connectMicroservice({ strategy })`; connected microservices are started after it.
   */
  beforeListen?: (app: NestExpressApplication) => void | Promise<void>;
}

/**
 * Creates a service's Nest app (its AppModule imports `PlatformModule.forRoot`): JSON logs from
 * the first line, shutdown hooks and OpenAPI (unless hidden: `operationsEndpoints`); not yet
 * listening.
 */
export const createServiceApp = async (
  appModule: Type<unknown> | DynamicModule,
  options: ServiceAppOptions = {},
): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(appModule, {
    bufferLogs: true,
    // Only if the app fails before the pino logger takes over: its warnings and errors, as JSON.
    logger: new ConsoleLogger({ json: true, colors: false, logLevels: ['fatal', 'error', 'warn'] }),
    // Bodies are read by the platform's JsonBodyMiddleware, which answers bad ones as problems.
    bodyParser: false,
    // Throw instead of aborting the process, so that bootstrapService can say what went wrong.
    abortOnError: false,
  });
  const config = app.get(PlatformConfig);
  app.useLogger(app.get(Logger));
  // Nest would flush only on listen(); an app that is only init()ed (tests) would buffer forever.
  app.flushLogs();
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  // Express's body-hash ETags would look like stream versions to a client sending If-Match.
  app.set('etag', false);
  // Behind a TLS terminator, `request.ip` (rate limits, logs) is the client's, not the proxy's.
  app.set('trust proxy', config.http.trustProxy);
  if (app.get<boolean>(SERVES_OPERATIONS_ENDPOINTS))
    setUpOpenApi(app, config.serviceName, options.openApi);

  return app;
};
