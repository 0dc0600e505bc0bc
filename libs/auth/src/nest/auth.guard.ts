import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import type { AuthenticatedUser } from '../authenticated-user';
import { KeyUnavailableError } from '../keys/public-key-source';
import type { Role } from '../roles';
import { READ_ONLY_METHODS } from '../roles';
import { TokenError } from '../tokens/token.error';
import { VerifiedTokenCache } from '../tokens/verified-token-cache';
import type { AuthenticatedRequest } from './auth.decorators';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import {
  expiredToken,
  invalidToken,
  keyUnavailable,
  missingToken,
  readOnlyRole,
  revokedToken,
  roleNotAllowed,
} from './auth.exceptions';
import type { ResolvedAuthOptions } from './auth-module.options';
import { AUTH_OPTIONS } from './auth-module.options';

interface HttpRequest extends AuthenticatedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

interface HttpResponse {
  setHeader(name: string, value: string): unknown;
}

// Far above any real token; a longer header is refused without parsing it.
const MAX_TOKEN_LENGTH = 8192;
const BEARER = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)[ ]*$/i;
const REALM = 'Bearer realm="taizhang"';

type BearerToken = { token: string } | 'missing' | 'malformed';

const bearerTokenOf = (request: HttpRequest): BearerToken => {
  const header = request.headers['authorization'];
  if (header === undefined || Array.isArray(header)) return 'missing';
  if (!/^bearer\s/i.test(header)) return 'missing';
  if (header.length > MAX_TOKEN_LENGTH) return 'malformed';
  const match = BEARER.exec(header);

  return match?.[1] ? { token: match[1] } : 'malformed';
};

/**
 * The global guard: every HTTP route needs a valid access token unless it is `@Public()`, and
 * its caller's role must be listed in `@Roles(…)`; an auditor may only read. Sets
 * `request.user`. Kafka handlers (non-HTTP contexts) are not its business.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly tokens = new VerifiedTokenCache();

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const response = context.switchToHttp().getResponse<HttpResponse>();
    const bearer = bearerTokenOf(request);

    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) {
      // A public route still learns who calls it when a good token comes along (logout).
      if (typeof bearer === 'object') request.user = await this.tryAuthenticate(bearer.token);

      return true;
    }
    request.user = await this.authenticate(bearer, response);
    this.authorise(
      request,
      request.user,
      this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets),
    );

    return true;
  }

  private async authenticate(
    bearer: BearerToken,
    response: HttpResponse,
  ): Promise<AuthenticatedUser> {
    if (bearer === 'missing') {
      response.setHeader('WWW-Authenticate', REALM);
      throw missingToken();
    }
    const refuse = (error: Error, description: string): Error => {
      response.setHeader(
        'WWW-Authenticate',
        `${REALM}, error="invalid_token", error_description="${description}"`,
      );

      return error;
    };
    if (bearer === 'malformed') throw refuse(invalidToken(), 'malformed token');
    let user: AuthenticatedUser;
    try {
      user = await this.tokens.verify(bearer.token, await this.publicKey(), {
        now: this.options.clock(),
        clockToleranceSeconds: this.options.clockToleranceSeconds,
      });
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      throw error.problem === 'expired'
        ? refuse(expiredToken(), 'expired')
        : refuse(invalidToken(), 'invalid token');
    }
    if (await this.options.isRevoked?.(user)) throw refuse(revokedToken(), 'revoked');

    return user;
  }

  private authorise(
    request: HttpRequest,
    user: AuthenticatedUser,
    roles: Role[] | undefined,
  ): void {
    if (user.role === 'auditor' && !READ_ONLY_METHODS.has(request.method.toUpperCase()))
      throw readOnlyRole();
    // No @Roles at all means no one: a route forgotten is closed, not open.
    if (!roles?.includes(user.role)) throw roleNotAllowed();
  }

  private async tryAuthenticate(token: string): Promise<AuthenticatedUser | undefined> {
    try {
      const user = await this.tokens.verify(token, await this.publicKey(), {
        now: this.options.clock(),
        clockToleranceSeconds: this.options.clockToleranceSeconds,
      });

      return (await this.options.isRevoked?.(user)) ? undefined : user;
    } catch {
      return undefined;
    }
  }

  private async publicKey() {
    try {
      return await this.options.publicKey();
    } catch (error) {
      if (error instanceof KeyUnavailableError) throw keyUnavailable();
      throw error;
    }
  }
}
