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
 * The figures of a summary a report freezes: every count and rate by its name, and a figure
 * given by kind (`contractsInForceByKind: { wage: 3 }`) as one figure per kind,
 * `contractsInForceByKind.wage`, so the snapshot stays a flat list an auditor compares figure by
 * figure and `figureChanges` reads.
 */
export const frozenFigures = (summary: Record<string, unknown>): Record<string, number | null> =>
  Object.fromEntries(
    Object.entries(summary).flatMap(([name, value]): [string, number | null][] => {
      if (typeof value === 'number' || value === null) return [[name, value]];
      if (typeof value !== 'object' || Array.isArray(value)) return [];
      const parts = Object.entries(value as Record<string, unknown>);
      if (!parts.every(([, part]) => typeof part === 'number' || part === null)) return [];

      return parts.map(([part, n]) => [`${name}.${part}`, n as number | null]);
    }),
  );

/**
 * What late entries changed (DESIGN §7): every figure of the frozen snapshot compared with the
 * same figure now, in the snapshot's order, only those that differ.
 */
export const figureChanges = (
  frozen: Record<string, number | null>,
  now: Record<string, unknown>,
): FigureChange[] => {
  const current = frozenFigures(now);

  return Object.entries(frozen).flatMap(([figure, then]) => {
    const value = current[figure];
    const nowValue = typeof value === 'number' ? value : null;
    if (nowValue === then) return [];
    const change = nowValue === null || then === null ? null : round4(nowValue - then);
    if (change === 0) return [];

    return [{ figure, then, now: nowValue, change }];
  });
};
