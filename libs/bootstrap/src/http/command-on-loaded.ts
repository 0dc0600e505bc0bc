import type { CommandResult } from '@taizhang/event-store';

import type { CommandRequestContext } from './command-request.decorator';

/**
 * A command on a target loaded (and checked against the caller's scope) first: it runs at the
 * request's If-Match, else at the version loaded, so that a change in between (a move out of
 * the caller's scope, say) is a 409 and never a write on what the check did not see.
 */
export const commandOnLoaded = async <T extends { version: number }>(
  request: Pick<CommandRequestContext, 'expectedVersion'>,
  load: () => Promise<T>,
  run: (loaded: T, expectedVersion: number) => Promise<CommandResult>,
): Promise<CommandResult> => {
  const loaded = await load();

  return run(loaded, request.expectedVersion ?? loaded.version);
};
