import type { z } from 'zod';

import type { BaseEnv } from '../config/base-env.schema';
import type { PlatformConfig } from '../config/platform-config';
import type { MigrationClass } from '../database/typeorm-options';
import type { OperationsEndpoints } from './operations-endpoints';

/** `baseEnvSchema` or an extension of it: a zod object whose output has every base variable. */
export type EnvSchema = z.ZodObject & z.ZodType<BaseEnv>;

/** What a service tells {@link PlatformModule.forRoot} about itself. */
export interface PlatformModuleOptions<TSchema extends EnvSchema> {
  /** The service's name (`organisation`); SERVICE_NAME defaults to it. */
  serviceName: string;
  /** `baseEnvSchema`, or `baseEnvSchema.extend({ … })` with the service's own variables. */
  configSchema: TSchema;
  /**
   * A `PlatformConfig` subclass that adds the service's own sections, built from the validated
   * environment and injectable under both classes. Defaults to `PlatformConfig`.
   */
  configClass?: new (env: z.output<TSchema>) => PlatformConfig;
  /** The service's TypeORM migrations, run at boot in order. */
  migrations: readonly MigrationClass[];
  /** Who may read `/docs` and `/metrics`; `public` by default (see {@link OperationsEndpoints}). */
  operationsEndpoints?: OperationsEndpoints;
  /** The environment to read; defaults to `process.env` (tests pass their own). */
  env?: Record<string, string | undefined>;
}
