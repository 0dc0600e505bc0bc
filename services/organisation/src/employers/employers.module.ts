import { Module } from '@nestjs/common';

import { EmployersController } from './employers.controller';
import { EmployerImportController } from './import/employer-import.controller';
import { EmployerImportService } from './import/employer-import.service';

/** 单位台账: the employer registry, by hand or from a sheet. */
@Module({
  controllers: [EmployerImportController, EmployersController],
  providers: [EmployerImportService],
})
export class EmployersModule {}
