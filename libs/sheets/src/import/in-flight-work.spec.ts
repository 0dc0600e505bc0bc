import { InFlightWork } from './in-flight-work';

const later = (ms: number, fail = false) =>
  new Promise<void>((resolve, reject) =>
    setTimeout(() => (fail ? reject(new Error('database gone')) : resolve()), ms),
  );

describe('work in flight while a sheet is read', () => {
  it('throws, at the end, a failure that no start was waiting for', async () => {
    const work = new InFlightWork(2);
    await work.start(later(1, true));
    await later(5);

    await expect(work.end()).rejects.toThrow('database gone');
  });

  it('waits at the limit, and the next start throws a failure among the running', async () => {
    const work = new InFlightWork(2);
    await work.start(later(20));

    await expect(work.start(later(1, true))).rejects.toThrow('database gone');
  });

  it('ends only after all of it has finished', async () => {
    const work = new InFlightWork(3);
    const finished: number[] = [];
    for (const ms of [15, 5, 10]) await work.start(later(ms).then(() => void finished.push(ms)));
    await work.end();

    expect(finished.sort((a, b) => a - b)).toEqual([5, 10, 15]);
  });
});
