import type { OrgUnitRef } from '@taizhang/event-store';

import type { Union, UnionEvent } from './union.decider';

export const unionStreamId = (unionId: string): string => `union-${unionId}`;

/** The org unit a union's events concern: the union itself, at the path it has or gets. */
export const unionOrgUnit =
  (unionId: string) =>
  (state: Union, events: readonly UnionEvent[]): OrgUnitRef => {
    const decided = events.find((event) => 'orgPath' in event.data);
    const path =
      decided && 'orgPath' in decided.data
        ? decided.data.orgPath
        : 'orgPath' in state
          ? state.orgPath
          : unionId;

    return { id: unionId, path };
  };
