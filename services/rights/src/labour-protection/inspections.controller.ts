import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import { CommandPost, SignedInCommand, versioned, VersionedRead } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { recordCommand } from '../shared/record-command';
import { loadUnionInScope, unionOnRecord } from '../shared/union-on-record';
import {
  InspectionViewDto,
  RecordHazardDto,
  RecordInspectionDto,
  RecordRectifiedDto,
  RequestRectificationDto,
  VerifyRectificationDto,
} from './dto/inspection.dto';
import { loadInspectionInScope, runInspectionCommand } from './inspection-streams';

const KEEPERS = ['union_cadre', 'federation_officer'] as const;

/** A command on an inspection in the caller's scope (404 outside), If-Match checked. */
const onInspection = recordCommand({ load: loadInspectionInScope, run: runInspectionCommand });

/** 劳动保护监督检查: inspections, the hazards they found, and their rectification. */
@ApiTags('labour protection 劳动保护监督检查')
@Controller('inspections')
export class InspectionsController {
  constructor(private readonly store: PostgresEventStore) {}

  @CommandPost(201, [...KEEPERS])
  async record(
    @Body() body: RecordInspectionDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { state: union, unit } = await loadUnionInScope(
      this.store,
      user,
      body.unionId,
      WRITE_ACCESS,
    );
    const inspectionId = randomUUID();

    return runInspectionCommand(
      this.store,
      inspectionId,
      {
        type: 'RecordInspection',
        data: {
          inspectionId,
          union: unionOnRecord(union),
          kind: body.kind,
          periodsChecked: body.periodsChecked,
          inspectedOn: body.inspectedOn,
          employerName: body.employerName ?? null,
          employerId: body.employerId ?? null,
          inspectors: body.inspectors,
          findings: body.findings ?? null,
        },
        metadata: request.metadata(startOfBusinessDate(body.inspectedOn)),
      },
      { unit, expectedVersion: request.expectedVersion, fingerprint: ['RecordInspection', body] },
    );
  }

  /** Answers the new hazard's id. */
  @CommandPost(201, [...KEEPERS], ':id/hazards')
  recordHazard(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RecordHazardDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    const hazardId = randomUUID();

    return onInspection(
      this.store,
      id,
      command,
      (dated) => ({
        type: 'RecordHazard',
        data: { hazardId, ...body },
        metadata: dated(body.foundOn),
      }),
      { fingerprint: ['RecordHazard', id, body], id: hazardId },
    );
  }

  @CommandPost(200, [...KEEPERS], ':id/hazards/:hazardId/rectification-request')
  requestRectification(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('hazardId', ParseUUIDPipe) hazardId: string,
    @Body() body: RequestRectificationDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onInspection(this.store, id, command, (dated) => ({
      type: 'RequestRectification',
      data: { hazardId, ...body },
      metadata: dated(body.requestedOn),
    }));
  }

  @CommandPost(200, [...KEEPERS], ':id/hazards/:hazardId/rectified')
  recordRectified(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('hazardId', ParseUUIDPipe) hazardId: string,
    @Body() body: RecordRectifiedDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onInspection(this.store, id, command, (dated) => ({
      type: 'RecordRectified',
      data: { hazardId, ...body },
      metadata: dated(body.rectifiedOn),
    }));
  }

  @CommandPost(200, [...KEEPERS], ':id/hazards/:hazardId/verification')
  verify(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('hazardId', ParseUUIDPipe) hazardId: string,
    @Body() body: VerifyRectificationDto,
    @SignedInCommand() command: SignedInCommand,
  ): Promise<CommandResult> {
    return onInspection(this.store, id, command, (dated) => ({
      type: 'VerifyRectification',
      data: { hazardId, ...body },
      metadata: dated(body.verifiedOn),
    }));
  }

  @Roles(...KEEPERS, 'auditor')
  @Get(':id')
  @ApiOkResponse({ type: InspectionViewDto })
  @VersionedRead()
  async read(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadInspectionInScope(this.store, user, id);

    return versioned<InspectionViewDto>(version, { ...state, version });
  }
}
