import { useEffect, useRef, useState } from 'react';

import { authorizedGet } from '../session/session';
import type { LiveOptions, LiveState } from './live-connection';
import { followLive } from './live-connection';

// Changes of a burst (a run of joins) lead to one fetch.
const DEBOUNCE_MS = 300;
// How long the "updated" mark stays after the figures were fetched again.
const UPDATED_SHOWN_MS = 5_000;

export interface LiveUpdates {
  /** Goes up after each (debounced) change: a dependency that fetches the figures again. */
  refresh: number;
  /** Whether the figures were just updated live (the 已更新 / Updated mark). */
  updated: boolean;
  state: LiveState;
}

/**
 * The live updates of a unit's view, while `enabled` (the view is now and as known now: a past
 * date or a past instant does not change). Each change in the unit's subtree, debounced,
 * increments `refresh`.
 */
export const useLiveUpdates = (
  unit: string,
  enabled: boolean,
  overrides: Partial<Pick<LiveOptions, 'get' | 'backoffMs' | 'sleep'>> = {},
): LiveUpdates => {
  const [refresh, setRefresh] = useState(0);
  const [updated, setUpdated] = useState(false);
  const [state, setState] = useState<LiveState>('stopped');
  const options = useRef(overrides);
  options.current = overrides;

  useEffect(() => {
    if (!enabled) {
      setState('stopped');

      return;
    }
    const controller = new AbortController();
    let debounce: ReturnType<typeof setTimeout> | undefined;
    let unmark: ReturnType<typeof setTimeout> | undefined;
    const changed = () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        setRefresh((count) => count + 1);
        setUpdated(true);
        clearTimeout(unmark);
        unmark = setTimeout(() => setUpdated(false), UPDATED_SHOWN_MS);
      }, DEBOUNCE_MS);
    };
    void followLive(
      {
        unit,
        get: options.current.get ?? authorizedGet,
        backoffMs: options.current.backoffMs,
        sleep: options.current.sleep,
        onChange: changed,
        onState: setState,
      },
      controller.signal,
    );

    return () => {
      controller.abort();
      clearTimeout(debounce);
      clearTimeout(unmark);
      setUpdated(false);
    };
  }, [unit, enabled]);

  return { refresh, updated, state };
};
