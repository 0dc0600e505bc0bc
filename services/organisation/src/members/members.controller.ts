import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { Response } from 'express';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';

import { startOfBusinessDate } from '../shared/business-date';
import { commandResponse, CommandResponseDto } from '../shared/command-response';
import { JoinUnionDto } from './dto/join-union.dto';
import {
  ErasePersonalDataDto,
  LeaveUnionDto,
  RetainMembershipDto,
  TransferMemberDto,
} from './dto/member-changes.dto';
import { MemberViewDto, MemberViewQueryDto } from './dto/member-view.dto';
import { MemberCommandsService } from './member-commands.service';
import { MemberJoinsService } from './member-joins.service';
import { MemberViewQuery } from './member-view.query';

@ApiTags('members 会员')
@Controller()
export class MembersController {
  constructor(
    private readonly commands: MemberCommandsService,
    private readonly joins: MemberJoinsService,
    private readonly query: MemberViewQuery,
  ) {}

  /** 入会: one person (by ID card number) has at most one membership in the whole region. */
  @Roles('union_cadre', 'federation_officer')
  @Post('unions/:unionId/members')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async join(
    @Param('unionId', ParseUUIDPipe) unionId: string,
    @Body() body: JoinUnionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return commandResponse(
      await this.joins.join(
        user,
        unionId,
        body,
        request.metadata(startOfBusinessDate(body.joinedOn)),
        request.expectedVersion,
      ),
      response,
    );
  }

  /** The member, personal data masked; `?reveal=true&reason=…` unmasks it and records the reading. */
  @Roles('union_cadre', 'federation_officer', 'auditor')
  @Get('members/:id')
  @ApiOkResponse({ type: MemberViewDto })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: MemberViewQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MemberViewDto> {
    const view = await this.query.view(user, id, MemberViewQuery.revealRequest(query), request);
    response.setHeader('ETag', `"${view.version}"`);
    // An unmasked answer must not sit in a shared cache.
    response.setHeader('Cache-Control', 'no-store');

    return view;
  }

  /** 会员关系转接: the membership moves in one step; the join date and history stay. */
  @Roles('union_cadre', 'federation_officer')
  @Post('members/:id/transfer')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async transfer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TransferMemberDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return commandResponse(await this.commands.transfer(user, id, body, request), response);
  }

  /** 退会. */
  @Roles('union_cadre', 'federation_officer')
  @Post('members/:id/leave')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async leave(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LeaveUnionDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return commandResponse(await this.commands.leave(user, id, body, request), response);
  }

  /** 保留会籍: held by the union or by the federation above it. */
  @Roles('union_cadre', 'federation_officer')
  @Post('members/:id/retain')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async retain(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RetainMembershipDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return commandResponse(await this.commands.retain(user, id, body, request), response);
  }

  /** Crypto-shredding of a person who left (for the platform administrator). */
  @Roles('admin')
  @Post('members/:id/erase')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async erase(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ErasePersonalDataDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    return commandResponse(await this.commands.erase(user, id, body, request), response);
  }
}
