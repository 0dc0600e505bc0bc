import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';

import { Registry } from 'prom-client';

import { Public } from '@taizhang/auth';

interface HeaderResponse {
  setHeader(name: string, value: string): unknown;
}

/** `/metrics` in the Prometheus text format. */
@ApiTags('platform')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Get()
  @ApiProduces('text/plain')
  async scrape(@Res({ passthrough: true }) response: HeaderResponse): Promise<string> {
    response.setHeader('content-type', this.registry.contentType);

    return this.registry.metrics();
  }
}
