/** Runs `operation` from `concurrency` callers for `seconds`, and returns operations per second. */
export const throughput = async (
  seconds: number,
  concurrency: number,
  operation: (worker: number, iteration: number) => Promise<unknown>,
): Promise<{ perSecond: number; operations: number }> => {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let operations = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let iteration = 0; performance.now() < deadline; iteration += 1) {
        await operation(worker, iteration);
        operations += 1;
      }
    }),
  );

  return { perSecond: operations / ((performance.now() - started) / 1000), operations };
};

/** The value below which `p` percent of the sorted samples fall (nearest rank). */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
