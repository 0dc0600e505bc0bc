import type { MiddlewareConsumer, NestModule } from '@nestjs/common';
import { Module } from '@nestjs/common';

import { XlsxBodyMiddleware } from '@taizhang/bootstrap';

import { EmployersController } from './employers.controller';
import { EmployerImportController } from './import/employer-import.controller';
import { EmployerImportService } from './import/employer-import.service';

/** 单位台账: the employer registry, by hand or from a sheet. */
@Module({
  controllers: [EmployerImportController, EmployersController],
  providers: [EmployerImportService],
})
export class EmployersModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Only the import route reads a workbook body; everywhere else bodies are JSON.
    consumer.apply(XlsxBodyMiddleware).forRoutes(EmployerImportController);
  }
}
