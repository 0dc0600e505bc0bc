import type { DynamicModule, MiddlewareConsumer, NestModule } from '@nestjs/common';
import { Module, RequestMethod } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';

import { AuthModule } from '@taizhang/auth';
import { PlatformModule } from '@taizhang/bootstrap';
import { CreateOrgTreeInTime1765000000000 } from '@taizhang/directory';
import { messagingMigrations } from '@taizhang/messaging';

import { GatewayConfig } from './config/gateway.config';
import { gatewayEnvSchema } from './config/gateway-env.schema';
import { DashboardMiddleware } from './dashboard/dashboard.middleware';
import { GatewayCoreModule } from './gateway-core.module';
import { JwksController } from './keys/jwks.controller';
import type { SigningKeys } from './keys/signing-keys';
import { CreateGatewayTables1760100000000 } from './migrations/1760100000000-create-gateway-tables';
import { MoveOrgTreeToDirectory1765000000200 } from './migrations/1765000000200-move-org-tree-to-directory';
import { OrgTreeConsumer } from './org-tree/org-tree.consumer';
import { OrgUnitsController } from './org-tree/org-units.controller';
import { ProxyMiddleware } from './proxy/proxy.middleware';
import { AddressRateLimitMiddleware } from './rate-limits/address-rate-limit.middleware';
import { UserRateLimitInterceptor } from './rate-limits/user-rate-limit.interceptor';
import { AuthController } from './sessions/auth.controller';
import { SessionsService } from './sessions/sessions.service';
import { TokenIssuer } from './sessions/token-issuer';
import { SessionStore } from './shared/session-store';
import { SIGNING_KEYS } from './shared/tokens';
import { FirstAdmin } from './users/first-admin';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Probes are not counted against an address.
    consumer
      .apply(AddressRateLimitMiddleware)
      .exclude('health', 'health/{*path}', 'metrics')
      .forRoutes({ path: '*path', method: RequestMethod.ALL });
    // After the limit per address: the one origin for every service, `/api/<service>/…`.
    consumer.apply(ProxyMiddleware).forRoutes({ path: 'api/*path', method: RequestMethod.ALL });
    // The dashboard's page and files at `/` (services/dashboard); other paths go on.
    consumer.apply(DashboardMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.GET });
  }
}

/** The gateway: sign-in, accounts, the org-tree replica and the one origin, configured from `env`. */
export const gatewayModule = (
  env: Record<string, string | undefined> = process.env,
): DynamicModule => ({
  module: AppModule,
  imports: [
    PlatformModule.forRoot({
      serviceName: 'gateway',
      configSchema: gatewayEnvSchema,
      configClass: GatewayConfig,
      migrations: [
        ...messagingMigrations,
        CreateGatewayTables1760100000000,
        CreateOrgTreeInTime1765000000000,
        MoveOrgTreeToDirectory1765000000200,
      ],
      // The one public origin: its routes and traffic are no stranger's business in production.
      operationsEndpoints: 'hidden-in-production',
      env,
    }),
    GatewayCoreModule,
    AuthModule.forRootAsync({
      inject: [SIGNING_KEYS, SessionStore],
      useFactory: (keys: SigningKeys, sessions: SessionStore) => ({
        publicKey: () => Promise.resolve(keys.publicKey),
        // A logged-out token stops here, at the one origin, before its lifetime ends.
        isRevoked: async (user) => !(await sessions.isActive(user.sessionId)),
      }),
    }),
  ],
  controllers: [
    AuthController,
    JwksController,
    UsersController,
    OrgUnitsController,
    OrgTreeConsumer,
  ],
  providers: [
    SessionsService,
    TokenIssuer,
    UsersService,
    FirstAdmin,
    { provide: APP_INTERCEPTOR, useClass: UserRateLimitInterceptor },
  ],
});
