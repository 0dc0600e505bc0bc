import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { JWK } from 'jose';
import { calculateJwkThumbprint, exportJWK } from 'jose';

import { algorithmOf, Public } from '@taizhang/auth';

import { SIGNING_KEYS } from '../shared/tokens';
import type { SigningKeys } from './signing-keys';

/** The public key, as a JWK set, for services that fetch it instead of reading a file. */
@ApiTags('auth 登录')
@Controller('.well-known')
export class JwksController {
  private readonly jwks: Promise<{ keys: JWK[] }>;

  constructor(@Inject(SIGNING_KEYS) keys: SigningKeys) {
    this.jwks = exportJWK(keys.publicKey).then(async (jwk) => ({
      keys: [
        {
          ...jwk,
          kid: await calculateJwkThumbprint(jwk),
          alg: algorithmOf(keys.publicKey),
          use: 'sig',
        },
      ],
    }));
  }

  @Get('jwks.json')
  @Public()
  jwksJson(): Promise<{ keys: JWK[] }> {
    return this.jwks;
  }
}
