import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';

import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

import type { EventEnvelope } from '@taizhang/contracts';
import { poolOf } from '@taizhang/event-store';

import type { AfterCommitHook } from '../topic-consumer';
import { liveChanges } from './live-notice';
import { LiveStream } from './live-stream';

const PATHS =
  'SELECT org_unit_id, org_path FROM org_unit_facts WHERE org_unit_id = ANY($1::text[])';

/**
 * After a run of projections committed: where its events' units sit now (one query), then one
 * entry on the live stream. Runs beside the consumer, never in its way: a failure is logged and
 * the browsers' next fetch shows the figures anyway.
 */
@Injectable()
export class LivePublisher {
  private readonly logger = new Logger(LivePublisher.name);
  private readonly pool: Pool;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly stream: LiveStream,
  ) {
    this.pool = poolOf(dataSource);
  }

  readonly hook: AfterCommitHook = (events) => {
    if (this.stream.configured) void this.publish(events);
  };

  private async publish(events: readonly EventEnvelope[]): Promise<void> {
    try {
      const ids = [...new Set(events.map((event) => event.orgUnitId))];
      const { rows } = await this.pool.query<{ org_unit_id: string; org_path: string }>(PATHS, [
        ids,
      ]);
      const pathOf = new Map(rows.map((row) => [row.org_unit_id, row.org_path]));
      this.stream.publish(liveChanges(events, pathOf));
    } catch (error) {
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'Live updates: the changed units could not be read; nothing published for this run',
      );
    }
  }
}
