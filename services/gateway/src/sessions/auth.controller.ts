import { Body, Controller, Get, HttpCode, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { Request } from 'express';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Public, ROLES, Roles } from '@taizhang/auth';

import { addressOf } from '../rate-limits';
import { LoginDto, LogoutDto, RefreshDto, SignedInUserDto, TokensDto } from './dto/session.dto';
import { refreshTokenInvalid } from './session.errors';
import { SessionsService } from './sessions.service';
import { NoStoreInterceptor, SignInAttemptsInterceptor } from './sign-in.interceptors';

/** Sign-in: tokens for a username and password, refreshed, and ended. */
@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokensDto })
  @UseInterceptors(SignInAttemptsInterceptor, NoStoreInterceptor)
  login(@Body() body: LoginDto, @Req() request: Request): Promise<TokensDto> {
    return this.sessions.login(body.username, body.password, addressOf(request));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokensDto })
  @UseInterceptors(NoStoreInterceptor)
  refresh(@Body() body: RefreshDto): Promise<TokensDto> {
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
    if (!(await this.sessions.logout(body.refreshToken, user))) throw refreshTokenInvalid();
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
