import { bootstrapService, eventsTransport } from '@taizhang/bootstrap';

import { rightsModule } from './app.module';
import { rightsEventsTransport } from './events.transport';

void bootstrapService(rightsModule(), {
  openApi: {
    description:
      'Taizhang rights 维权: labour dispute mediation, workers’ congresses and collective contracts, with their legal clocks.',
  },
  beforeListen: (app) => {
    app.connectMicroservice(
      { strategy: eventsTransport(app, rightsEventsTransport) },
      { inheritAppConfig: true },
    );
  },
});
