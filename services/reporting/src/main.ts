import { bootstrapService, eventsTransport } from '@taizhang/bootstrap';

import { reportingModule } from './app.module';
import { reportingEventsTransport } from './events.transport';

void bootstrapService(reportingModule(), {
  openApi: {
    description: 'Taizhang reporting 统计与看板: federation figures over every org subtree.',
  },
  beforeListen: (app) => {
    app.connectMicroservice(
      { strategy: eventsTransport(app, reportingEventsTransport) },
      { inheritAppConfig: true },
    );
  },
});
