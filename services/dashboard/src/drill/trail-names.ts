import { useEffect, useState } from 'react';

import { fetchChildren, fetchUnitName } from '../api/reports';
import type { SignedInUser } from '../session/session';
import type { Crumb } from './breadcrumb';

// Names learned on the way down (a unit's name is the same whatever the date: the current one).
const names = new Map<string, string | null>();

/** Remembers the names a children answer gave, for the breadcrumb. */
export const rememberNames = (children: readonly { orgUnitId: string; name: string | null }[]) => {
  for (const child of children) names.set(child.orgUnitId, child.name);
};

/**
 * The breadcrumb of a drill-down URL: the signed-in unit's name from organisation, each unit
 * below it from its parent's children, asked only for what a shared link did not pass through.
 */
export const useTrail = (ids: readonly string[], user: SignedInUser): Crumb[] => {
  const [, setLearned] = useState(0);
  const key = ids.join('/');
  useEffect(() => {
    const controller = new AbortController();
    const learn = async () => {
      const [root, ...below] = ids;
      if (root !== undefined && !names.has(root))
        names.set(root, await fetchUnitName(root, user.role, controller.signal));
      for (const [index, id] of below.entries()) {
        if (names.has(id)) continue;
        const answer = await fetchChildren(ids[index]!, {}, controller.signal);
        if (answer.status !== 'ok') return;
        rememberNames(answer.body.children);
      }
    };
    learn().then(
      () => controller.signal.aborted || setLearned((count) => count + 1),
      () => undefined,
    );

    return () => controller.abort();
  }, [key, user.role]);

  return ids.map((id) => ({ id, name: names.get(id) ?? null }));
};
