/**
 * Runs `task` once at start and then every `intervalMs`, one run at a time: a run that outlasts
 * the interval delays the next, never overlaps it. `stop` waits for the run in flight. The timer
 * does not keep the process alive. A task reports its own failures; one failing run never stops
 * the next.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly intervalMs: number,
    private readonly task: () => Promise<void>,
  ) {}

  start(): void {
    const run = () => {
      this.running = this.running.then(this.task).catch(() => undefined);
    };
    run();
    this.timer = setInterval(run, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
