import type { DependencyList } from 'react';
import { useEffect, useState } from 'react';

import type { Answer } from './reports';

export type Loading<T> = Answer<T> | { status: 'loading' };

const LOADING = { status: 'loading' } as const;

/**
 * The answer of a read, again whenever `deps` change; a read no longer wanted is aborted. An
 * answer for other deps is never shown: from the render that changes them, it is 'loading'.
 * A new `refresh` (live updates) reads again for the same deps, showing the answer held until
 * the new one comes.
 */
export const useAnswer = <T>(
  read: (signal: AbortSignal) => Promise<Answer<T>>,
  deps: DependencyList,
  refresh = 0,
): Loading<T> => {
  const key = JSON.stringify(deps);
  const [held, setHeld] = useState<{ key: string; answer: Loading<T> }>({ key, answer: LOADING });
  useEffect(() => {
    const controller = new AbortController();
    const settle = (answer: Loading<T>) => controller.signal.aborted || setHeld({ key, answer });
    read(controller.signal).then(settle, (error: Error) =>
      settle({ status: 'failed', message: error.message }),
    );

    return () => controller.abort();
  }, [key, refresh]);

  return held.key === key ? held.answer : LOADING;
};
