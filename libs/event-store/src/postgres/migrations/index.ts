import { CreateEventStore1732000000000 } from './1732000000000-create-event-store';
import { CreateProjectionCheckpoints1732000002000 } from './1732000002000-create-projection-checkpoints';

/** The event store's migrations, for a service's TypeORM DataSource. */
export const eventStoreMigrations = [
  CreateEventStore1732000000000,
  CreateProjectionCheckpoints1732000002000,
];
