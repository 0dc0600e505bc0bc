import { bootstrapService, eventsTransport } from '@taizhang/bootstrap';

import { gatewayModule } from './app.module';
import { gatewayEvents } from './events.transport';

void bootstrapService(gatewayModule(), {
  openApi: {
    description:
      'Taizhang gateway: sign-in, accounts, and the one origin that forwards /api/<service>/… to the services.',
  },
  beforeListen: (app) => {
    app.connectMicroservice(
      { strategy: eventsTransport(app, gatewayEvents) },
      { inheritAppConfig: true },
    );
  },
});
