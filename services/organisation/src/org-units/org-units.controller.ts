import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import {
  commandOnLoaded,
  CommandPost,
  SignedInCommand,
  versioned,
  VersionedRead,
} from '@taizhang/bootstrap';
import type { OrgUnitCreated, OrgUnitMoved } from '@taizhang/contracts';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult, HandleCommandOptions, OrgUnitRef } from '@taizhang/event-store';
import { handleCommand, IllegalStateError, PostgresEventStore } from '@taizhang/event-store';

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
  @CommandPost(201, ['admin'])
  async create(
    @Body() body: CreateOrgUnitDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const orgUnitId = randomUUID();
    const parent = body.parentId ? await loadParentInScope(this.store, user, body.parentId) : null;
    if (body.parentId && !parent)
      throw new IllegalStateError(
        `The parent unit ${body.parentId} does not exist. / 上级单位不存在。`,
        'PARENT_NOT_FOUND',
      );

    return handleCommand(this.store, {
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
  }

  /** 更名: the unit's new name from a date. */
  @CommandPost(200, ['admin'], ':id/rename')
  rename(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RenameOrgUnitDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.change(user, id, request, () => ({
      type: 'RenameOrgUnit',
      data: body,
      metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
    }));
  }

  /**
   * 隶属关系调整: the unit and everything under it move under another parent from a date; the
   * current tree follows in the same transaction, so the next command anywhere below uses the
   * new path.
   */
  @CommandPost(200, ['admin'], ':id/move')
  move(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: MoveOrgUnitDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return this.change(
      user,
      id,
      request,
      async (unit) => ({
        type: 'MoveOrgUnit',
        data: {
          parent: await loadParentInScope(this.store, user, body.parentId),
          effectiveOn: body.effectiveOn,
          currentOrgPath: unit.path,
        },
        metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
      }),
      async (tx, [moved]) => {
        await moveInOrgTree(tx.client, (moved as unknown as OrgUnitMoved).data);
      },
    );
  }

  // A change of a unit the caller may write, at the version its scope was checked at.
  private change(
    user: AuthenticatedUser,
    id: string,
    request: CommandRequestContext,
    command: (unit: OrgUnitRef) => OrgUnitCommand | Promise<OrgUnitCommand>,
    withinTransaction?: HandleCommandOptions<
      OrgUnit,
      OrgUnitCommand,
      OrgUnitEvent
    >['withinTransaction'],
  ): Promise<CommandResult> {
    return commandOnLoaded(
      request,
      () => loadOrgUnitInScope(this.store, user, id, WRITE_ACCESS),
      async ({ unit }, expectedVersion) =>
        handleCommand(this.store, {
          streamId: orgUnitStreamId(id),
          streamType: 'org-unit',
          decider: orgUnitDecider,
          command: await command(unit),
          expectedVersion,
          orgUnit: (_, events: readonly OrgUnitEvent[]) => {
            const moved = events.find((event) => event.type === 'OrgUnitMoved');

            return moved?.type === 'OrgUnitMoved' ? { id, path: moved.data.orgPath } : unit;
          },
          id,
          withinTransaction,
        }),
    );
  }

  @Roles('admin', 'federation_officer', 'auditor')
  @Get(':id')
  @VersionedRead()
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadOrgUnitInScope(this.store, user, id);
    const { status: _status, ...unit } = state;

    return versioned(version, { ...unit, version });
  }
}
