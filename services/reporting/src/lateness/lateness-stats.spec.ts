import { bucketWidth, lagBucket } from './lateness-figures';
import { latenessStats } from './lateness-stats';

describe('lateness', () => {
  describe('given records entered days after their date', () => {
    it('keeps each day up to 62 exact, then weeks up to a year, 30 days up to ten years, then one bucket', () => {
      expect([-3, 0, 1, 30, 31, 62].map(lagBucket)).toEqual([0, 0, 1, 30, 31, 62]);
      expect([63, 69, 70, 364].map(lagBucket)).toEqual([63, 63, 70, 364]);
      expect([365, 394, 395, 3649, 3650, 9000].map(lagBucket)).toEqual([
        365, 365, 395, 3635, 3650, 3650,
      ]);
      expect([0, 62, 63, 357, 365, 3635, 3650].map(bucketWidth)).toEqual([
        1,
        1,
        7,
        7,
        30,
        30,
        null,
      ]);
    });
  });

  describe('when a month’s histogram is read', () => {
    it('answers the median and 90th percentile by nearest rank, and the share over the threshold', () => {
      // 10 records: 4 on the day, 3 a day late, 1 at 30 days, 1 at 31, 1 at 100 (bucket 98).
      const histogram = [
        { lagDays: 98, records: 1 },
        { lagDays: 0, records: 4 },
        { lagDays: 1, records: 3 },
        { lagDays: 30, records: 1 },
        { lagDays: 31, records: 1 },
      ];
      expect(latenessStats(histogram, 30)).toEqual({
        records: 10,
        medianDays: 1,
        p90Days: 31,
        lateShare: 0.2,
      });
      expect(latenessStats(histogram, 60).lateShare).toBe(0.1);
    });

    it('answers no percentiles and no share for a month without records', () => {
      expect(latenessStats([{ lagDays: 3, records: 0 }], 30)).toEqual({
        records: 0,
        medianDays: null,
        p90Days: null,
        lateShare: null,
      });
    });
  });
});
