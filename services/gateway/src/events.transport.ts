import type { EventsTransportOptions } from '@taizhang/bootstrap';
import { organisationRegistry, Topics } from '@taizhang/contracts';

/**
 * What the gateway reads from Kafka (`eventsTransport(app, gatewayEvents)`): organisation's topic,
 * for its org-tree replica. The tree gives tokens their scope: only what organisation signed may
 * build it. Every instance shares the group.
 */
export const gatewayEvents: EventsTransportOptions = {
  group: 'gateway.org-tree',
  topics: [
    { topic: Topics.organisation, registry: organisationRegistry, signedBy: 'organisation' },
  ],
};
