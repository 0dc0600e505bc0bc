import { IllegalStateError } from '@taizhang/domain';

/** Where a job stands: waiting for a worker, being run (or stopped mid-way), or over. */
export type ImportJobState = 'queued' | 'running' | 'done' | 'failed';

/**
 * What happens to a job: a worker takes it (`claim`, also the resumption of a job stopped while
 * running: its worker's lock is gone), records rows (`progress`), reads its last row (`finish`),
 * or cannot go on (`fail`: the union is gone, the store refuses).
 */
export type ImportJobTransition = 'claim' | 'progress' | 'finish' | 'fail';

/** The states each transition may start from; the SQL that moves a job checks the same list. */
export const STATES_BEFORE: Record<ImportJobTransition, readonly ImportJobState[]> = {
  claim: ['queued', 'running'],
  progress: ['running'],
  finish: ['running'],
  fail: ['queued', 'running'],
};

const STATE_AFTER: Record<ImportJobTransition, ImportJobState> = {
  claim: 'running',
  progress: 'running',
  finish: 'done',
  fail: 'failed',
};

export enum ImportJobErrorCode {
  Over = 'IMPORT_JOB_OVER',
  Failed = 'IMPORT_FAILED',
}

/** A transition a job's state does not allow (a finished job never runs again). */
export class ImportJobOverError extends IllegalStateError {
  constructor(state: ImportJobState, transition: ImportJobTransition) {
    super(
      {
        en: `The import job is ${state}: it cannot ${transition}.`,
        zh: `导入任务已处于${STATE_NAMES[state]}状态，不能再执行该操作。`,
      },
      ImportJobErrorCode.Over,
      { state, transition },
    );
  }
}

/** Each state in Chinese, for messages. */
export const STATE_NAMES: Record<ImportJobState, string> = {
  queued: '排队',
  running: '执行中',
  done: '已完成',
  failed: '失败',
};

/** The state a transition leads to; a transition the state does not allow is refused. */
export const nextState = (
  state: ImportJobState,
  transition: ImportJobTransition,
): ImportJobState => {
  if (!STATES_BEFORE[transition].includes(state)) throw new ImportJobOverError(state, transition);

  return STATE_AFTER[transition];
};

/** Whether a worker may still take the job: queued, or running without its worker. */
export const isUnfinished = (state: ImportJobState): boolean => STATES_BEFORE.claim.includes(state);
