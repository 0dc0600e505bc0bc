/**
 * Work started while a sheet is still being read, at most `limit` at once. A failure of any of it
 * is thrown by the next start or by the end, never lost, and `settle` waits for all of it, so
 * nothing runs on behind an answer.
 */
export class InFlightWork {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(private readonly limit: number) {}

  /** Starts tracking `work`; waits while `limit` are under way. */
  async start(work: Promise<void>): Promise<void> {
    this.running.add(work);
    work.then(
      () => this.running.delete(work),
      (error: unknown) => {
        this.running.delete(work);
        this.failure ??= { error };
      },
    );
    if (this.running.size >= this.limit) await Promise.race(this.running).catch(() => undefined);
    this.throwFailure();
  }

  /** Waits for all of it; throws the first failure. */
  async end(): Promise<void> {
    await this.settle();
    this.throwFailure();
  }

  /** Waits for all of it, failed or not. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure.error;
  }
}
