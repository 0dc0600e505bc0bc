import { Controller, Get, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthCheckResult } from '@nestjs/terminus';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';

import { Public } from '@taizhang/auth';

import { CHECK_TIMEOUT_MS } from './health.constants';
import { KafkaHealthIndicator } from './kafka.health';
import { RedisHealthIndicator } from './redis.health';

interface StatusResponse {
  status(code: number): unknown;
}

/**
 * Liveness (`/health/live`) and readiness (`/health`, `/health/ready`): 200 or 503. Only
 * PostgreSQL decides readiness; Kafka and Redis are reported (degraded when away).
 */
@ApiTags('platform')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly kafka: KafkaHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get(['', 'ready'])
  @HealthCheck()
  async ready(@Res({ passthrough: true }) response: StatusResponse): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.postgres.pingCheck('postgres', { timeout: CHECK_TIMEOUT_MS }),
        () => this.kafka.check(),
        () => this.redis.check(),
      ]);
    } catch (error) {
      // Terminus signals "not ready" by throwing; probes and people want its report, not a problem.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const report = error.getResponse() as HealthCheckResult;
      this.logger.warn({ failing: report.error }, 'Not ready');
      response.status(503);

      return report;
    }
  }
}
