import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles, WRITE_ACCESS } from '@taizhang/auth';
import { CommandPost, SignedInCommand, versioned, VersionedRead } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import {
  AppointCadreDto,
  CadresViewDto,
  RemoveCadreDto,
  UpdateCadreDetailsDto,
} from '../dto/cadres.dto';
import { loadEstablishedUnionInScope, runUnionCommandInScope } from '../union-scope';
import { normalisePublicPhone } from './public-phone';

/** 三亮 (亮身份、亮职责): the cadres of a union with their post, phone and duties, while serving. */
@ApiTags('unions 基层工会')
@Controller('unions/:id/cadres')
export class CadresController {
  constructor(private readonly store: PostgresEventStore) {}

  @CommandPost(201, ['union_cadre', 'federation_officer'])
  appoint(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: AppointCadreDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const cadreId = randomUUID();

    return runUnionCommandInScope(
      this.store,
      user,
      unionId,
      request,
      WRITE_ACCESS,
      () => ({
        type: 'AppointCadre',
        // The DTO has checked that the phone reads as one.
        data: { ...body, cadreId, phone: normalisePublicPhone(body.phone)! },
        metadata: request.metadata(startOfBusinessDate(body.appointedOn)),
      }),
      { fingerprint: ['AppointCadre', unionId, body], id: cadreId },
    );
  }

  @CommandPost(200, ['union_cadre', 'federation_officer'], ':cadreId/remove')
  remove(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Param('cadreId', ParseUUIDPipe) cadreId: string,
    @Body() body: RemoveCadreDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return runUnionCommandInScope(
      this.store,
      user,
      unionId,
      request,
      WRITE_ACCESS,
      () => ({
        type: 'RemoveCadre',
        data: { ...body, cadreId },
        metadata: request.metadata(startOfBusinessDate(body.removedOn)),
      }),
      { id: cadreId },
    );
  }

  /** 亮职责、亮承诺: a serving cadre's phone, duties or pledge (an elected cadre has none at first). */
  @CommandPost(200, ['union_cadre', 'federation_officer'], ':cadreId/details')
  updateDetails(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Param('cadreId', ParseUUIDPipe) cadreId: string,
    @Body() body: UpdateCadreDetailsDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    const { phone, ...details } = body;

    return runUnionCommandInScope(
      this.store,
      user,
      unionId,
      request,
      WRITE_ACCESS,
      () => ({
        type: 'UpdateCadreDetails',
        // The DTO has checked that the phone reads as one.
        data: {
          ...details,
          ...(phone === undefined ? {} : { phone: normalisePublicPhone(phone)! }),
          cadreId,
        },
        metadata: request.metadata(startOfBusinessDate(body.effectiveOn)),
      }),
      { id: cadreId },
    );
  }

  /** The cadres serving now, in the order appointed (none once the union has ended). */
  @Roles('union_cadre', 'federation_officer', 'auditor')
  @Get()
  @ApiOkResponse({ type: CadresViewDto })
  @VersionedRead()
  async list(@Param('id', ParseUUIDPipe) unionId: string, @CurrentUser() user: AuthenticatedUser) {
    const { state, version } = await loadEstablishedUnionInScope(this.store, user, unionId);

    return versioned<CadresViewDto>(version, {
      unionId,
      unionName: state.name,
      cadres:
        state.status === 'Registered'
          ? (state.cadres ?? []).map((cadre) => ({
              ...cadre,
              postCode: cadre.postCode ?? null,
              phone: cadre.phone ?? null,
              duties: cadre.duties ?? null,
              pledge: cadre.pledge ?? null,
            }))
          : [],
    });
  }
}
