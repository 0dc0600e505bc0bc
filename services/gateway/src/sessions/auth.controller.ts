import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { Request, Response } from 'express';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Public, ROLES, Roles } from '@taizhang/auth';

import { GatewayConfig } from '../config/gateway.config';
import { addressOf } from '../rate-limits/address-rate-limit.middleware';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { LoginDto, LogoutDto, RefreshDto, SignedInUserDto, TokensDto } from './dto/session.dto';
import { AccountLockedError, RefreshTokenInvalidError } from './session.errors';
import { SessionsService } from './sessions.service';

/** Sign-in: tokens for a username and password, refreshed, and ended. */
@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly limiter: RateLimiter,
    private readonly config: GatewayConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokensDto })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokensDto> {
    await this.limiter.consume(
      'login',
      addressOf(request),
      this.config.rateLimits.loginPerAddress,
      response,
    );
    response.setHeader('Cache-Control', 'no-store');
    try {
      return await this.sessions.login(body.username, body.password, addressOf(request));
    } catch (error) {
      if (error instanceof AccountLockedError)
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokensDto })
  refresh(
    @Body() body: RefreshDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokensDto> {
    response.setHeader('Cache-Control', 'no-store');

    return this.sessions.refresh(body.refreshToken);
  }

  /** Ends the sign-in of the refresh token in the body, or of the access token sent. */
  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(
    @Body() body: LogoutDto,
    @CurrentUser({ optional: true }) user: AuthenticatedUser | undefined,
  ): Promise<void> {
    if (!(await this.sessions.logout(body.refreshToken, user)))
      throw new RefreshTokenInvalidError();
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiOkResponse({ type: SignedInUserDto })
  me(@CurrentUser() user: AuthenticatedUser): SignedInUserDto {
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      orgUnitId: user.orgUnitId,
      orgPath: user.orgPath,
    };
  }
}
