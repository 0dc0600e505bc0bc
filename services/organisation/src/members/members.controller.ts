import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Roles } from '@taizhang/auth';
import { CommandPost, SignedInCommand, versioned, VersionedRead } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';

import { JoinUnionDto } from './dto/join-union.dto';
import {
  ErasePersonalDataDto,
  LeaveUnionDto,
  PlaceInBranchDto,
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
  @CommandPost(201, ['union_cadre', 'federation_officer'], 'unions/:unionId/members')
  join(
    @Param('unionId', ParseUUIDPipe) unionId: string,
    @Body() body: JoinUnionDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.joins.join(
      user,
      unionId,
      body,
      request.metadata(startOfBusinessDate(body.joinedOn)),
      request.expectedVersion,
    );
  }

  /** The member, personal data masked; `?reveal=true&reason=…` unmasks it and records the reading. */
  @Roles('union_cadre', 'federation_officer', 'auditor')
  @Get('members/:id')
  @ApiOkResponse({ type: MemberViewDto })
  @VersionedRead()
  // An unmasked answer must not sit in a shared cache.
  @Header('Cache-Control', 'no-store')
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: MemberViewQueryDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ) {
    const view = await this.query.view(user, id, MemberViewQuery.revealRequest(query), request);

    return versioned<MemberViewDto>(view.version, view);
  }

  /** 会员关系转接: the membership moves in one step; the join date and history stay. */
  @CommandPost(200, ['union_cadre', 'federation_officer'], 'members/:id/transfer')
  transfer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: TransferMemberDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.commands.transfer(user, id, body, request);
  }

  /** 退会. */
  @CommandPost(200, ['union_cadre', 'federation_officer'], 'members/:id/leave')
  leave(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: LeaveUnionDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.commands.leave(user, id, body, request);
  }

  /** 保留会籍: held by the union or by the federation above it. */
  @CommandPost(200, ['union_cadre', 'federation_officer'], 'members/:id/retain')
  retain(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RetainMembershipDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.commands.retain(user, id, body, request);
  }

  /** 分工会/工会小组: the member is placed in a branch unit of their union from a date. */
  @CommandPost(200, ['union_cadre', 'federation_officer'], 'members/:id/branch')
  placeInBranch(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: PlaceInBranchDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.commands.placeInBranch(user, id, body, request);
  }

  /** Crypto-shredding of a person who left (for the platform administrator). */
  @CommandPost(200, ['admin'], 'members/:id/erase')
  erase(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ErasePersonalDataDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.commands.erase(user, id, body, request);
  }
}
