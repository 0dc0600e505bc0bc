import type { DependencyList } from 'react';
import { useEffect, useState } from 'react';

import type { Answer } from './reports';

export type Loading<T> = Answer<T> | { status: 'loading' };

/** The answer of a read, again whenever `deps` change; a read no longer wanted is aborted. */
export const useAnswer = <T>(
  read: (signal: AbortSignal) => Promise<Answer<T>>,
  deps: DependencyList,
): Loading<T> => {
  const [answer, setAnswer] = useState<Loading<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setAnswer({ status: 'loading' });
    read(controller.signal).then(
      (next) => controller.signal.aborted || setAnswer(next),
      (error: Error) =>
        controller.signal.aborted || setAnswer({ status: 'failed', message: error.message }),
    );

    return () => controller.abort();
  }, deps);

  return answer;
};
