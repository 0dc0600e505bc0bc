import { PartitionProgress } from './partition-progress';

describe('PartitionProgress', () => {
  it('counts what is left after the last processed message', () => {
    const progress = new PartitionProgress();
    expect(progress.processed('t', 0, '4', '10')).toEqual({
      topic: 't',
      partition: 0,
      highWatermark: '10',
      processedOffset: '5',
      lag: 5,
    });
    expect(progress.processed('t', 0, '9', '10').lag).toBe(0);
  });

  it('only moves forward, whatever order the figures arrive in', () => {
    const progress = new PartitionProgress();
    progress.processed('t', 1, '7', '20');
    // A broker look-up started before that message was committed.
    expect(progress.observed('t', 1, '3', '12')).toMatchObject({ processedOffset: '8', lag: 12 });
  });

  it('reads a group without a committed offset as the partition start', () => {
    expect(new PartitionProgress().observed('t', 2, '-1', '6')).toMatchObject({
      processedOffset: '0',
      lag: 6,
    });
  });

  it('handles offsets beyond 2^53', () => {
    const progress = new PartitionProgress();
    expect(progress.processed('t', 0, '9007199254740993', '9007199254740999').lag).toBe(5);
  });

  it('forgets partitions that a rebalance took away', () => {
    const progress = new PartitionProgress();
    progress.processed('a', 0, '1', '2');
    progress.processed('a', 1, '1', '2');
    progress.processed('b', 0, '1', '2');
    expect(progress.retain([{ topic: 'a', partition: 1 }])).toEqual([
      { topic: 'a', partition: 0 },
      { topic: 'b', partition: 0 },
    ]);
    expect(progress.snapshot().map(({ topic, partition }) => `${topic}${partition}`)).toEqual([
      'a1',
    ]);
  });
});
