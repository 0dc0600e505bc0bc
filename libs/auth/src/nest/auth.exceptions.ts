import {
  ForbiddenException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';

import { AuthErrorCode } from '../auth-error-code';

// HTTP exceptions with a `code`: the platform's problem filter turns them into problems, and a
// bare Nest app still answers their status.

export const missingToken = (): UnauthorizedException =>
  new UnauthorizedException({
    code: AuthErrorCode.TokenMissing,
    message:
      'Sign in first: send the access token as "Authorization: Bearer <token>". / 请先登录。',
  });

export const invalidToken = (): UnauthorizedException =>
  new UnauthorizedException({
    code: AuthErrorCode.TokenInvalid,
    message: 'The access token is not valid; sign in again. / 令牌无效，请重新登录。',
  });

export const expiredToken = (): UnauthorizedException =>
  new UnauthorizedException({
    code: AuthErrorCode.TokenExpired,
    message: 'The access token has expired; refresh it or sign in again. / 令牌已过期。',
  });

export const revokedToken = (): UnauthorizedException =>
  new UnauthorizedException({
    code: AuthErrorCode.TokenRevoked,
    message: 'This sign-in has ended; sign in again. / 登录已失效，请重新登录。',
  });

export const roleNotAllowed = (): ForbiddenException =>
  new ForbiddenException({
    code: AuthErrorCode.RoleNotAllowed,
    message: 'Your role may not do this. / 您的角色无权执行此操作。',
  });

export const readOnlyRole = (): ForbiddenException =>
  new ForbiddenException({
    code: AuthErrorCode.ReadOnlyRole,
    message: 'An auditor may read but not change anything. / 审计人员只能查看，不能修改。',
  });

export const keyUnavailable = (): ServiceUnavailableException =>
  new ServiceUnavailableException({
    code: AuthErrorCode.KeyUnavailable,
    message: 'Sign-in cannot be checked yet; try again shortly.',
  });
