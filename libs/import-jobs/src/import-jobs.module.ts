import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import { ImportJobKinds } from './import-job-kinds';
import { ImportJobWorker } from './import-job-worker';
import { ImportJobsController } from './import-jobs.controller';
import type { ImportJobsOptions } from './import-jobs.options';
import { IMPORT_JOBS_OPTIONS } from './import-jobs.options';
import { ImportJobs } from './import-jobs.service';

/**
 * `GET /imports/:id` (and its events and refused rows), the worker, and `ImportJobs` and
 * `ImportJobKinds` for the features that upload sheets. Global: one per service.
 */
@Module({})
export class ImportJobsModule {
  static forRoot(options: ImportJobsOptions = {}): DynamicModule {
    return {
      module: ImportJobsModule,
      global: true,
      controllers: [ImportJobsController],
      providers: [
        { provide: IMPORT_JOBS_OPTIONS, useValue: options },
        ImportJobKinds,
        ImportJobWorker,
        ImportJobs,
      ],
      exports: [ImportJobs, ImportJobKinds],
    };
  }
}
