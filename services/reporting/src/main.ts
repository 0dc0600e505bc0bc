import { bootstrapService } from '@taizhang/bootstrap';

import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  openApi: { description: 'Taizhang reporting 统计与看板: federation figures over every org subtree.' },
});
