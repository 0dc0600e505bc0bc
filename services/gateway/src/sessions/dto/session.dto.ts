import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

import { AccountSchema } from '../../shared/account.schema';

export const LoginSchema = z
  .object({
    username: z.string().min(1).max(200),
    password: z.string().min(1).max(1000),
  })
  .strict();

export class LoginDto extends createZodDto(LoginSchema) {}

const RefreshTokenSchema = z.string().min(1).max(500).describe('the refresh token of the sign-in');

export class RefreshDto extends createZodDto(
  z.object({ refreshToken: RefreshTokenSchema }).strict(),
) {}

// Logging out with the access token alone needs no body at all.
export class LogoutDto extends createZodDto(
  z.preprocess(
    (body) => body ?? {},
    z.object({ refreshToken: RefreshTokenSchema.optional() }).strict(),
  ),
) {}

const SignedInUserSchema = AccountSchema;

export const TokensSchema = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string().describe('send as "Authorization: Bearer <accessToken>"'),
  expiresIn: z.number().int().describe('seconds the access token is valid'),
  refreshToken: z.string().describe('trade at POST /auth/refresh for new tokens; each works once'),
  refreshExpiresIn: z.number().int().describe('seconds until this sign-in ends'),
  user: SignedInUserSchema,
});

export class TokensDto extends createZodDto(TokensSchema) {}

export class SignedInUserDto extends createZodDto(SignedInUserSchema) {}
