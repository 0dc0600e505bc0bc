import type { MouseEvent } from 'react';
import { useSyncExternalStore } from 'react';

/**
 * The address bar is the state of a view: path and query say which unit, date, sort and page,
 * so every view has its own shareable URL and the back button walks the views.
 */
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};
window.addEventListener('popstate', emit);

const subscribe = (listener: () => void) => {
  listeners.add(listener);

  return () => listeners.delete(listener);
};

const current = () => `${window.location.pathname}${window.location.search}`;

export interface Location {
  path: string;
  query: URLSearchParams;
}

export const useLocation = (): Location => {
  const href = useSyncExternalStore(subscribe, current);
  const url = new URL(href, window.location.origin);

  return { path: url.pathname, query: url.searchParams };
};

export const navigate = (to: string, { replace = false } = {}): void => {
  if (to === current()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  emit();
};

/** The same path with some query parameters set (undefined or '' removes one). */
export const withQuery = (
  location: Location,
  changes: Record<string, string | undefined>,
  path = location.path,
): string => {
  const query = new URLSearchParams(location.query);
  for (const [name, value] of Object.entries(changes))
    if (value === undefined || value === '') query.delete(name);
    else query.set(name, value);
  const search = query.toString();

  return search ? `${path}?${search}` : path;
};

/** A click on a link that the page handles itself (a modified click opens a tab as usual). */
export const followLink = (event: MouseEvent<HTMLAnchorElement>): void => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/');
};
