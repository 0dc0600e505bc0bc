import { bootstrapService } from '@taizhang/bootstrap';

import { gatewayModule } from './app.module';
import { gatewayEventsTransport } from './events.transport';

void bootstrapService(gatewayModule(), {
  openApi: {
    description:
      'Taizhang gateway: sign-in, accounts, and the one origin that forwards /api/<service>/… to the services.',
  },
  beforeListen: (app) => {
    app.connectMicroservice({ strategy: gatewayEventsTransport(app) }, { inheritAppConfig: true });
  },
});
