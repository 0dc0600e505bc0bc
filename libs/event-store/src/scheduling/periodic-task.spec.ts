import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs at start and at each interval, one run at a time, past a failing run', async () => {
    const started: number[] = [];
    let release: () => void = () => undefined;
    let runs = 0;
    const task = new PeriodicTask(1_000, async () => {
      runs += 1;
      started.push(runs);
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
      if (runs === 2) throw new Error('a failing run');
    });

    task.start();
    await jest.advanceTimersByTimeAsync(3_000);
    // The first run is still going: the three ticks since wait behind it.
    expect(started).toEqual([1]);

    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(started).toEqual([1, 2, 3, 4]);

    const stopped = task.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    await stopped;
    expect(started).toEqual([1, 2, 3, 4]);
  });
});
