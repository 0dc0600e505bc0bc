import type { DynamicModule, Provider } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { LoggerModule } from 'nestjs-pino';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';

import { loadConfig } from '../config/load-config';
import { PlatformConfig } from '../config/platform-config';
import { createMigratedDataSource } from '../database/create-migrated-data-source';
import { typeOrmOptions } from '../database/typeorm-options';
import { HealthModule } from '../health/health.module';
import { RequestPipelineModule } from '../http/request-pipeline.module';
import { loggerParams } from '../logging/logger-params';
import { MetricsModule } from '../metrics/metrics.module';
import { ProblemDetailsFilter } from '../problems/problem-details.filter';
import { SERVES_OPERATIONS_ENDPOINTS, servesOperationsEndpoints } from './operations-endpoints';
import type { EnvSchema, PlatformModuleOptions } from './platform-module-options';

const configProviders = <TSchema extends EnvSchema>({
  serviceName,
  configSchema,
  configClass,
  env = process.env,
}: PlatformModuleOptions<TSchema>): Provider[] => {
  const ConfigClass = configClass ?? PlatformConfig;
  const load = (): PlatformConfig =>
    new ConfigClass(
      loadConfig(configSchema, {
        ...env,
        SERVICE_NAME: env['SERVICE_NAME'] || serviceName,
      }),
    );

  return ConfigClass === PlatformConfig
    ? [{ provide: PlatformConfig, useFactory: load }]
    : [
        { provide: ConfigClass, useFactory: load },
        { provide: PlatformConfig, useExisting: ConfigClass },
      ];
};

/**
 * Everything a Taizhang service stands on: validated config, JSON logs, its PostgreSQL DataSource
 * with migrations, zod validation, problem+json errors, `/health` and `/metrics`.
 */
@Module({})
export class PlatformModule {
  /** Wires the platform for one service; import it once, in the AppModule. */
  static forRoot<TSchema extends EnvSchema>(
    options: PlatformModuleOptions<TSchema>,
  ): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRootAsync({ inject: [PlatformConfig], useFactory: loggerParams }),
        TypeOrmModule.forRootAsync({
          inject: [PlatformConfig],
          useFactory: (platform: PlatformConfig) => typeOrmOptions(platform, options.migrations),
          dataSourceFactory: createMigratedDataSource,
        }),
        HealthModule,
        MetricsModule,
        // After LoggerModule: see RequestPipelineModule.
        RequestPipelineModule,
      ],
      providers: [
        ...configProviders(options),
        {
          provide: SERVES_OPERATIONS_ENDPOINTS,
          inject: [PlatformConfig],
          useFactory: (config: PlatformConfig) =>
            servesOperationsEndpoints(options.operationsEndpoints ?? 'public', config),
        },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [
        PlatformConfig,
        SERVES_OPERATIONS_ENDPOINTS,
        ...(options.configClass ? [options.configClass] : []),
        MetricsModule,
      ],
    };
  }
}
