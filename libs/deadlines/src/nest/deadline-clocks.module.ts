import type {
  BeforeApplicationShutdown,
  DynamicModule,
  ModuleMetadata,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Inject, Injectable, Logger, Module } from '@nestjs/common';

import { PeriodicTask, PostgresEventStore } from '@taizhang/event-store';

import type { ClockFailure, ClockRun, DeadlineClocksOptions } from '../deadline-clocks';
import { DeadlineClocks } from '../deadline-clocks';

export interface DeadlineClocksModuleOptions extends DeadlineClocksOptions {
  /** How often every clock runs; also once at start. */
  intervalMs: number;
}

const DEADLINE_CLOCKS_OPTIONS = Symbol('DEADLINE_CLOCKS_OPTIONS');

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs the service's clocks at start and every interval, and waits for the run in flight at shutdown. */
@Injectable()
class DeadlineClocksLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeadlineClocks');
  private readonly task: PeriodicTask;

  constructor(
    @Inject(DeadlineClocks) clocks: DeadlineClocks,
    @Inject(DEADLINE_CLOCKS_OPTIONS) options: DeadlineClocksModuleOptions,
  ) {
    this.task = new PeriodicTask(options.intervalMs, async () => {
      for (const run of await clocks.tick()) this.report(run);
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.task.stop();
  }

  private report(run: ClockRun | ClockFailure): void {
    if ('error' in run) {
      this.logger.error({
        clock: run.clock,
        error: message(run.error),
        msg: 'A deadline clock failed; it tries again at the next tick',
      });

      return;
    }
    const { clock, ran, refused, failed } = run;
    if (ran > 0 || refused > 0) this.logger.log({ clock, ran, refused, msg: 'Deadlines came due' });
    for (const { key, error } of failed)
      this.logger.error({
        clock,
        key,
        error: message(error),
        msg: 'A due deadline’s command failed; it stays due for the next tick',
      });
  }
}

/** Gives a service its deadline clocks (`@taizhang/deadlines`), run for the app's lifetime. */
@Module({})
export class DeadlineClocksModule {
  static forRootAsync(options: {
    imports?: ModuleMetadata['imports'];
    inject?: (string | symbol | (abstract new (...args: never[]) => unknown))[];
    useFactory: (
      ...args: never[]
    ) => DeadlineClocksModuleOptions | Promise<DeadlineClocksModuleOptions>;
  }): DynamicModule {
    return {
      module: DeadlineClocksModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: DEADLINE_CLOCKS_OPTIONS,
          inject: options.inject ?? [],
          useFactory: options.useFactory,
        },
        {
          provide: DeadlineClocks,
          inject: [PostgresEventStore, DEADLINE_CLOCKS_OPTIONS],
          useFactory: (store: PostgresEventStore, config: DeadlineClocksModuleOptions) =>
            new DeadlineClocks(store, config),
        },
        DeadlineClocksLifecycle,
      ],
      exports: [DeadlineClocks],
    };
  }
}
