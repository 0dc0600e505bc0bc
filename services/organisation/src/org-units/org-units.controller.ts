import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';

import type { Response } from 'express';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';
import { handleCommand, IllegalStateError, PostgresEventStore } from '@taizhang/event-store';

import { commandResponse, CommandResponseDto } from '../shared/command-response';
import { CreateOrgUnitDto } from './dto/create-org-unit.dto';
import { orgUnitDecider } from './org-unit.decider';
import { loadOrgUnitInScope, loadParentInScope } from './org-unit-scope';
import { orgUnitStreamId } from './org-unit-streams';

@ApiTags('org-units 组织体系')
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly store: PostgresEventStore) {}

  /** The org tree is the platform administrator's (DESIGN §1). */
  @Roles('admin')
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async create(
    @Body() body: CreateOrgUnitDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const orgUnitId = randomUUID();
    const parent = body.parentId ? await loadParentInScope(this.store, user, body.parentId) : null;
    if (body.parentId && !parent)
      throw new IllegalStateError(
        `The parent unit ${body.parentId} does not exist. / 上级单位不存在。`,
        'PARENT_NOT_FOUND',
      );
    const result = await handleCommand(this.store, {
      streamId: orgUnitStreamId(orgUnitId),
      streamType: 'org-unit',
      decider: orgUnitDecider,
      command: {
        type: 'CreateOrgUnit',
        data: { orgUnitId, code: body.code, name: body.name, kind: body.kind, parent },
        metadata: request.metadata(),
      },
      expectedVersion: request.expectedVersion,
      orgUnit: (_, [created]) => ({ id: orgUnitId, path: created!.data.orgPath }),
      id: orgUnitId,
      fingerprint: ['CreateOrgUnit', body],
    });

    return commandResponse(result, response);
  }

  @Roles('admin', 'federation_officer', 'auditor')
  @Get(':id')
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { state, version } = await loadOrgUnitInScope(this.store, user, id);
    response.setHeader('ETag', `"${version}"`);
    const { status: _status, ...unit } = state;

    return { ...unit, version };
  }
}
