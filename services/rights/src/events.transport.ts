import type { EventsTransportOptions } from '@taizhang/bootstrap';
import { organisationRegistry, Topics } from '@taizhang/contracts';

/**
 * What rights reads from Kafka (`eventsTransport(app, rightsEventsTransport)`): organisation's
 * topic, for its org tree and member directory; only what organisation signed may build them.
 * Every instance shares the group.
 */
export const rightsEventsTransport: EventsTransportOptions = {
  group: 'rights.directory',
  topics: [
    { topic: Topics.organisation, registry: organisationRegistry, signedBy: 'organisation' },
  ],
};
