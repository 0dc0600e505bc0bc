import { randomBytes } from 'node:crypto';

import type { OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';

import type { Pool } from 'pg';

import { GatewayConfig } from '../config/gateway.config';
import { PG_POOL } from '../shared/tokens';
import { UsernameTakenError } from './user.errors';
import { UsersService } from './users.service';
import { anyAdminExists } from './users.sql';

/** The account every fresh installation starts with. */
const FIRST_ADMIN_USERNAME = 'admin';

/**
 * Creates the first admin, `admin`, when there is no admin at all: with the password from
 * `TAIZHANG_ADMIN_PASSWORD`, else a generated one printed once, on this start only.
 */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdmin.name);

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly config: GatewayConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await anyAdminExists(this.pool)) return;
    const given = this.config.firstAdminPassword;
    const password = given ?? randomBytes(18).toString('base64url');
    try {
      await this.users.create(
        { username: FIRST_ADMIN_USERNAME, password, role: 'admin', orgUnitId: null },
        'system',
      );
    } catch (error) {
      // Another instance starting at the same moment created it (and printed it).
      if (error instanceof UsernameTakenError) return;
      throw error;
    }
    this.logger.log(
      { username: FIRST_ADMIN_USERNAME, password: given ? 'TAIZHANG_ADMIN_PASSWORD' : 'generated' },
      'Created the first admin account',
    );
    if (!given)
      process.stdout.write(
        `\nThe first admin account is "${FIRST_ADMIN_USERNAME}" with the password ${password}\n` +
          'It is shown only this once: sign in at POST /auth/login and keep it safe.\n\n',
      );
  }
}
