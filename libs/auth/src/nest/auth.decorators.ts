import type { ExecutionContext } from '@nestjs/common';
import { applyDecorators, createParamDecorator, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';

import type { AuthenticatedUser } from '../authenticated-user';
import type { Role } from '../roles';
import { missingToken } from './auth.exceptions';

export const IS_PUBLIC_KEY = 'taizhang:auth:public';
export const ROLES_KEY = 'taizhang:auth:roles';

/** OpenAPI extensions that state each route's access rule, for generated authorisation tests. */
export const OPENAPI_PUBLIC_EXTENSION = 'x-taizhang-public';
export const OPENAPI_ROLES_EXTENSION = 'x-taizhang-roles';

/** The route (or every route of the controller) needs no token: health, metrics, sign-in. */
export const Public = (): ClassDecorator & MethodDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiExtension(OPENAPI_PUBLIC_EXTENSION, true));

/**
 * The roles that may call the route (on a method, or on a controller for all its methods; a
 * method's list replaces its controller's). A route with neither `@Roles` nor `@Public` is open
 * to no one. An auditor is refused every write, even where listed.
 */
export const Roles = (...roles: Role[]): ClassDecorator & MethodDecorator =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiExtension(OPENAPI_ROLES_EXTENSION, roles),
  );

/** An Express-like request once the guard has run. */
export interface AuthenticatedRequest {
  user?: AuthenticatedUser;
}

/** The signed-in caller of a request the guard has passed: 401 when there is none. */
export const signedInUserOf = ({ user }: AuthenticatedRequest): AuthenticatedUser => {
  if (!user) throw missingToken();

  return user;
};

/**
 * The signed-in caller of the request. `@CurrentUser({ optional: true })` gives `undefined`
 * on a public route called without a (valid) token instead of answering 401.
 */
export const CurrentUser = createParamDecorator(
  (
    options: { optional?: boolean } | undefined,
    context: ExecutionContext,
  ): AuthenticatedUser | undefined => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();

    return options?.optional ? request.user : signedInUserOf(request);
  },
);
