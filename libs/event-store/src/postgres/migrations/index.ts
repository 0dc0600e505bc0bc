import { CreateEventStore1732000000000 } from './1732000000000-create-event-store';
import { CreateProjectionCheckpoints1732000002000 } from './1732000002000-create-projection-checkpoints';
import { BindIdempotencyKeysToTargets1765000000000 } from './1765000000000-bind-idempotency-keys-to-targets';
import { IndexProcessedCommandsByAge1765000000500 } from './1765000000500-index-processed-commands-by-age';

/** The event store's migrations, for a service's TypeORM DataSource. */
export const eventStoreMigrations = [
  CreateEventStore1732000000000,
  CreateProjectionCheckpoints1732000002000,
  BindIdempotencyKeysToTargets1765000000000,
  IndexProcessedCommandsByAge1765000000500,
];
