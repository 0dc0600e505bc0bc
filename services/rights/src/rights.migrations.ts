import { deadlinesMigrations } from '@taizhang/deadlines';
import { directoryMigrations } from '@taizhang/directory';
import { eventStoreMigrations } from '@taizhang/event-store';
import { messagingMigrations } from '@taizhang/messaging';

import { IndexDisclosuresByUnion1768200000100 } from './disclosures';
import { IndexProposalsByCongress1769000000000 } from './proposals';
import { IndexRightsEventsByUnion1768500000000 } from './shared/migrations/1768500000000-index-events-by-union';

/** Every migration of rights' database, in order: the app runs them at start, tests too. */
export const rightsMigrations = [
  ...eventStoreMigrations,
  // The consumer of organisation's topic records what it processed.
  ...messagingMigrations,
  ...directoryMigrations,
  ...deadlinesMigrations,
  // A union's end finds its open records by the events at the union.
  IndexRightsEventsByUnion1768500000000,
  // A union's disclosures (厂务公开台账) read from its events.
  IndexDisclosuresByUnion1768200000100,
  // A session's proposals (提案落实情况) found by their submissions.
  IndexProposalsByCongress1769000000000,
];
