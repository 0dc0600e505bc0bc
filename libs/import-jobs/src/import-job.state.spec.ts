import type { ImportJobState, ImportJobTransition } from './import-job.state';
import { isUnfinished, nextState } from './import-job.state';

const after = (state: ImportJobState, ...transitions: ImportJobTransition[]): ImportJobState =>
  transitions.reduce(nextState, state);

describe('an import job', () => {
  describe('when queued', () => {
    it('runs once a worker claims it', () => expect(after('queued', 'claim')).toBe('running'));

    it('fails without running when it cannot start', () =>
      expect(after('queued', 'fail')).toBe('failed'));

    it('records no progress before it is claimed', () =>
      expect(() => after('queued', 'progress')).toThrow(
        expect.objectContaining({ code: 'IMPORT_JOB_OVER' }) as Error,
      ));
  });

  describe('when running', () => {
    it('records progress and finishes', () =>
      expect(after('running', 'progress', 'progress', 'finish')).toBe('done'));

    it('is claimed again after its worker stopped, and goes on where it was', () =>
      expect(after('running', 'claim', 'progress', 'finish')).toBe('done'));

    it('fails', () => expect(after('running', 'fail')).toBe('failed'));
  });

  describe.each<ImportJobState>(['done', 'failed'])('when %s', (state) => {
    it.each<ImportJobTransition>(['claim', 'progress', 'finish', 'fail'])(
      'refuses to %s again (a finished job never runs twice)',
      (transition) =>
        expect(() => after(state, transition)).toThrow(
          expect.objectContaining({ code: 'IMPORT_JOB_OVER', zh: expect.any(String) }) as Error,
        ),
    );

    it('is not taken by a worker', () => expect(isUnfinished(state)).toBe(false));
  });

  it('is taken by a worker while queued or running without one', () =>
    expect((['queued', 'running'] as const).map(isUnfinished)).toEqual([true, true]));
});
