/** A figure that changed since a report was frozen: as frozen, now, and now minus then. */
export interface FigureChange {
  figure: string;
  then: number | null;
  now: number | null;
  /** now − then (rates to four decimals); null when one side has no value (no denominator). */
  change: number | null;
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * What late entries changed (DESIGN §7): every figure of the frozen snapshot compared with the
 * same figure now, in the snapshot's order, only those that differ.
 */
export const figureChanges = (
  frozen: Record<string, number | null>,
  now: Record<string, unknown>,
): FigureChange[] =>
  Object.entries(frozen).flatMap(([figure, then]) => {
    const value = now[figure];
    const current = typeof value === 'number' ? value : null;
    if (current === then) return [];
    const change = current === null || then === null ? null : round4(current - then);
    if (change === 0) return [];

    return [{ figure, then, now: current, change }];
  });
