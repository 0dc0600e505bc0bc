import { bootstrapService } from '@taizhang/bootstrap';

import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  openApi: { description: 'Taizhang organisation 组织建设: the org tree, grassroots unions and their members.' },
});
