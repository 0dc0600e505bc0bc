import { rate } from '../org-summary';

/** One bucket of a month's histogram: records entered `lagDays` (its lower bound) late. */
export interface LagBucket {
  lagDays: number;
  records: number;
}

export interface LatenessStats {
  /** Records entered. */
  records: number;
  /** Days late of the median record (the lower bound of its bucket); null without records. */
  medianDays: number | null;
  /** Days late of the 90th percentile (nearest rank, lower bound of its bucket). */
  p90Days: number | null;
  /** Share of the records entered more than `lateAfterDays` late (four decimals). */
  lateShare: number | null;
}

/** The nearest-rank percentile of a histogram: the bucket holding the ⌈p·n⌉-th record. */
const percentile = (buckets: readonly LagBucket[], total: number, p: number): number | null => {
  if (total === 0) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const bucket of buckets) {
    seen += bucket.records;
    if (seen >= rank) return bucket.lagDays;
  }

  return buckets.at(-1)!.lagDays;
};

/** Median, 90th percentile and the late share of a histogram (any order of buckets). */
export const latenessStats = (
  histogram: readonly LagBucket[],
  lateAfterDays: number,
): LatenessStats => {
  const buckets = histogram.filter((b) => b.records > 0).sort((a, b) => a.lagDays - b.lagDays);
  const records = buckets.reduce((sum, b) => sum + b.records, 0);
  const late = buckets.filter((b) => b.lagDays > lateAfterDays).reduce((s, b) => s + b.records, 0);

  return {
    records,
    medianDays: percentile(buckets, records, 0.5),
    p90Days: percentile(buckets, records, 0.9),
    lateShare: rate(late, records),
  };
};
