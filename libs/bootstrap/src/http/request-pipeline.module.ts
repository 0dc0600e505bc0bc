import type { MiddlewareConsumer, NestModule } from '@nestjs/common';
import { Global, Module, RequestMethod } from '@nestjs/common';

import { HttpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { MetricsModule } from '../metrics/metrics.module';
import { JsonBodyMiddleware } from './json-body.middleware';

/**
 * Times and reads every request. Global, and imported after the LoggerModule, because Nest
 * mounts the middleware of global modules first and in import order: the request id and the
 * request log then exist even for a body that is refused, and every service middleware sees
 * the parsed body.
 */
@Global()
@Module({ imports: [MetricsModule] })
export class RequestPipelineModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Timing first, so that refused bodies are counted too.
    consumer
      .apply(HttpMetricsMiddleware, JsonBodyMiddleware)
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}
