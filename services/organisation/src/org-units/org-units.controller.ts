import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { Response } from 'express';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';
import type { OrgUnitCreated, OrgUnitMoved } from '@taizhang/contracts';
import type { HandleCommandOptions, OrgUnitRef } from '@taizhang/event-store';
import { handleCommand, IllegalStateError, PostgresEventStore } from '@taizhang/event-store';

import { startOfBusinessDate } from '../shared/business-date';
import { commandResponse, CommandResponseDto } from '../shared/command-response';
import { MoveOrgUnitDto, RenameOrgUnitDto } from './dto/change-org-unit.dto';
import { CreateOrgUnitDto } from './dto/create-org-unit.dto';
import { moveInOrgTree, placeInOrgTree } from './org-tree';
import type { OrgUnitCommand } from './org-unit.commands';
import type { OrgUnit, OrgUnitEvent } from './org-unit.decider';
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
      orgUnit: (_, [created]) => ({
        id: orgUnitId,
        path: (created as OrgUnitCreated).data.orgPath,
      }),
      id: orgUnitId,
      fingerprint: ['CreateOrgUnit', body],
      withinTransaction: async (tx, [created]) => {
        const { parentId, orgPath } = (created as unknown as OrgUnitCreated).data;
        await placeInOrgTree(tx.client, { id: orgUnitId, parentId, orgPath });
      },
    });

    return commandResponse(result, response);
  }

  /** 更名: the unit's new name from a date. */
  @Post(':id/rename')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async rename(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RenameOrgUnitDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const unit = await this.requireUnit(user, id);

    return this.run(id, unit, request, response, {
      type: 'RenameOrgUnit',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
    });
  }

  /**
   * 隶属关系调整: the unit and everything under it move under another parent from a date; the
   * current tree follows in the same transaction, so the next command anywhere below uses the
   * new path.
   */
  @Post(':id/move')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async move(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MoveOrgUnitDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    const unit = await this.requireUnit(user, id);
    const parent = await loadParentInScope(this.store, user, body.parentId);

    return this.run(
      id,
      unit,
      request,
      response,
      {
        type: 'MoveOrgUnit',
        data: { parent, effectiveOn: body.effectiveOn, currentOrgPath: unit.path },
        metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
      },
      async (tx, [moved]) => {
        await moveInOrgTree(tx.client, (moved as unknown as OrgUnitMoved).data);
      },
    );
  }

  private async requireUnit(user: AuthenticatedUser, id: string): Promise<OrgUnitRef> {
    const { state } = await loadOrgUnitInScope(this.store, user, id, { access: 'write' });

    return { id, path: state.orgPath };
  }

  private async run(
    id: string,
    unit: OrgUnitRef,
    request: CommandRequestContext,
    response: Response,
    command: OrgUnitCommand,
    withinTransaction?: HandleCommandOptions<
      OrgUnit,
      OrgUnitCommand,
      OrgUnitEvent
    >['withinTransaction'],
  ): Promise<CommandResponseDto> {
    const result = await handleCommand(this.store, {
      streamId: orgUnitStreamId(id),
      streamType: 'org-unit',
      decider: orgUnitDecider,
      command,
      expectedVersion: request.expectedVersion,
      orgUnit: (_, events: readonly OrgUnitEvent[]) => {
        const moved = events.find((event) => event.type === 'OrgUnitMoved');

        return moved?.type === 'OrgUnitMoved' ? { id, path: moved.data.orgPath } : unit;
      },
      id,
      withinTransaction,
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
