import type { DynamicModule, ModuleMetadata } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

import { publicKeyFromEnv } from '../keys/public-key-source';
import { AuthGuard } from './auth.guard';
import type { AuthModuleOptions, ResolvedAuthOptions } from './auth-module.options';
import { AUTH_OPTIONS } from './auth-module.options';

const resolve = (options: AuthModuleOptions): ResolvedAuthOptions => ({
  publicKey: options.publicKey ?? publicKeyFromEnv(options.env ?? process.env),
  isRevoked: options.isRevoked,
  clock: options.clock ?? (() => new Date()),
  clockToleranceSeconds: options.clockToleranceSeconds ?? 5,
});

/** {@link AuthModule.forRootAsync}'s options, as with other Nest modules. */
export interface AuthModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: (string | symbol | (abstract new (...args: never[]) => unknown))[];
  useFactory: (...args: never[]) => AuthModuleOptions | Promise<AuthModuleOptions>;
}

/**
 * Puts every HTTP route of the app behind {@link AuthGuard} (global). Import it once, in the
 * AppModule, next to the PlatformModule.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions = {}): DynamicModule {
    return AuthModule.forRootAsync({ useFactory: () => options });
  }

  static forRootAsync({
    imports = [],
    inject = [],
    useFactory,
  }: AuthModuleAsyncOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports,
      providers: [
        {
          provide: AUTH_OPTIONS,
          inject,
          useFactory: async (...args: never[]) => resolve(await useFactory(...args)),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AUTH_OPTIONS],
    };
  }
}
