import { Module } from '@nestjs/common';

import { collectDefaultMetrics, Registry } from 'prom-client';

import { PlatformConfig } from '../config/platform-config';
import { HttpRequestDuration } from './http-request-duration.metric';
import { MetricsController } from './metrics.controller';

const createRegistry = (config: PlatformConfig): Registry => {
  // One registry per app rather than prom-client's global one, so apps in one test run stay apart.
  const registry = new Registry();
  registry.setDefaultLabels({ service: config.serviceName });
  collectDefaultMetrics({ register: registry });

  return registry;
};

/**
 * `/metrics`: default Node metrics, the HTTP request histogram, and whatever else is registered
 * in the injected prom-client `Registry`.
 */
@Module({
  controllers: [MetricsController],
  providers: [
    { provide: Registry, useFactory: createRegistry, inject: [PlatformConfig] },
    {
      provide: HttpRequestDuration,
      useFactory: (registry: Registry) => new HttpRequestDuration(registry),
      inject: [Registry],
    },
  ],
  exports: [Registry, HttpRequestDuration],
})
export class MetricsModule {}
