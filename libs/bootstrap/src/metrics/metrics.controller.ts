import { Controller, Get, Inject, NotFoundException, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';

import { Registry } from 'prom-client';

import { Public } from '@taizhang/auth';

import { SERVES_OPERATIONS_ENDPOINTS } from '../platform/operations-endpoints';

interface HeaderResponse {
  setHeader(name: string, value: string): unknown;
}

/** `/metrics` in the Prometheus text format (404, as an unknown path, where it is hidden). */
@ApiTags('platform')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly registry: Registry,
    @Inject(SERVES_OPERATIONS_ENDPOINTS) private readonly served: boolean,
  ) {}

  @Get()
  @ApiProduces('text/plain')
  async scrape(@Res({ passthrough: true }) response: HeaderResponse): Promise<string> {
    if (!this.served) throw new NotFoundException('Cannot GET /metrics');
    response.setHeader('content-type', this.registry.contentType);

    return this.registry.metrics();
  }
}
