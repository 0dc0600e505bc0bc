import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';

import { PostgresEventStore } from '@taizhang/event-store';

import { OrganisationConfig } from '../../config/organisation.config';
import { recordExpiredTerms } from './term-clock';

/** Runs the term clock at start and then every `TERM_CLOCK_INTERVAL_MS`. */
@Injectable()
export class TermClockService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TermClockService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: PostgresEventStore,
    private readonly config: OrganisationConfig,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running = this.running.then(() => this.tick());
    };
    tick();
    this.timer = setInterval(tick, this.config.termClock.intervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      const recorded = await recordExpiredTerms(this.store, new Date());
      if (recorded > 0)
        this.logger.log({ recorded, msg: 'Committee terms ran out without re-election' });
    } catch (error) {
      this.logger.error({
        error: error instanceof Error ? error.message : String(error),
        msg: 'The term clock failed; it tries again at the next tick',
      });
    }
  }
}
