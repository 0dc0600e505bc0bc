import { bootstrapService } from '@taizhang/bootstrap';

import { organisationModule } from './app.module';

void bootstrapService(organisationModule(), {
  openApi: {
    description:
      'Taizhang organisation 组织建设: the org tree, grassroots unions and their members.',
  },
});
