import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';

import { PageQueryDto } from '../shared/page-query.dto';
import { CreateUserDto, UpdateUserDto, UserChangesDto, UserDto, UserListDto } from './dto/user.dto';
import { UsersService } from './users.service';
import type { UserRow } from './users.sql';

const view = (user: UserRow): UserDto => ({
  ...user,
  createdAt: user.createdAt.toISOString(),
  updatedAt: user.updatedAt.toISOString(),
});

/** Accounts, managed by admins only: create, change role or unit, disable, reset a password. */
@ApiTags('users 用户')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: UserDto })
  async create(
    @Body() body: CreateUserDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<UserDto> {
    return view(await this.users.create({ ...body, orgUnitId: body.orgUnitId ?? null }, admin.id));
  }

  @Get()
  @ApiOkResponse({ type: UserListDto })
  async list(@Query() page: PageQueryDto): Promise<UserListDto> {
    return { users: (await this.users.list(page)).map(view) };
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return view(await this.users.get(id));
  }

  /** Send `If-Match: <version>` to change only the version you read (else 409). */
  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() admin: AuthenticatedUser,
    @CommandRequest() command: CommandRequestContext,
  ): Promise<UserDto> {
    return view(await this.users.update(id, body, admin, command.expectedVersion));
  }

  @Get(':id/changes')
  @ApiOkResponse({ type: UserChangesDto })
  async changes(@Param('id', ParseUUIDPipe) id: string): Promise<UserChangesDto> {
    return {
      changes: (await this.users.changes(id)).map((change) => ({
        ...change,
        change: change.change as UserChangesDto['changes'][number]['change'],
        changedAt: change.changedAt.toISOString(),
      })),
    };
  }
}
