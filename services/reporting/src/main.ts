import { bootstrapService } from '@taizhang/bootstrap';

import { reportingModule } from './app.module';

void bootstrapService(reportingModule(), {
  openApi: {
    description: 'Taizhang reporting 统计与看板: federation figures over every org subtree.',
  },
});
