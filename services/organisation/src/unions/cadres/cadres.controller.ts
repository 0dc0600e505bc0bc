import { randomUUID } from 'node:crypto';

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import type { Response } from 'express';

import type { AuthenticatedUser } from '@taizhang/auth';
import { CurrentUser, Roles } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { CommandRequest } from '@taizhang/bootstrap';
import { PostgresEventStore } from '@taizhang/event-store';

import { startOfBusinessDate } from '../../shared/business-date';
import { commandResponse, CommandResponseDto } from '../../shared/command-response';
import { AppointCadreDto, CadresViewDto, RemoveCadreDto } from '../dto/cadres.dto';
import { loadEstablishedUnionInScope, loadUnionInScope } from '../union-scope';
import { runUnionCommand } from '../union-streams';
import { normalisePublicPhone } from './public-phone';

/** 三亮 (亮身份、亮职责): the cadres of a union with their post, phone and duties, while serving. */
@ApiTags('unions 基层工会')
@Controller('unions/:id/cadres')
export class CadresController {
  constructor(private readonly store: PostgresEventStore) {}

  @Roles('union_cadre', 'federation_officer')
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  async appoint(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: AppointCadreDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    await loadUnionInScope(this.store, user, unionId, { access: 'write' });
    const cadreId = randomUUID();
    const result = await runUnionCommand(
      this.store,
      unionId,
      {
        type: 'AppointCadre',
        // The DTO has checked that the phone reads as one.
        data: { ...body, cadreId, phone: normalisePublicPhone(body.phone)! },
        metadata: request.metadata(startOfBusinessDate(body.appointedOn)),
      },
      {
        expectedVersion: request.expectedVersion,
        fingerprint: ['AppointCadre', unionId, body],
        id: cadreId,
      },
    );

    return commandResponse(result, response);
  }

  @Roles('union_cadre', 'federation_officer')
  @Post(':cadreId/remove')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponseDto })
  async remove(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Param('cadreId', ParseUUIDPipe) cadreId: string,
    @Body() body: RemoveCadreDto,
    @CurrentUser() user: AuthenticatedUser,
    @CommandRequest() request: CommandRequestContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResponseDto> {
    await loadUnionInScope(this.store, user, unionId, { access: 'write' });
    const result = await runUnionCommand(
      this.store,
      unionId,
      {
        type: 'RemoveCadre',
        data: { ...body, cadreId },
        metadata: request.metadata(startOfBusinessDate(body.removedOn)),
      },
      { expectedVersion: request.expectedVersion, id: cadreId },
    );

    return commandResponse(result, response);
  }

  /** The cadres serving now, in the order appointed (none once the union has ended). */
  @Roles('union_cadre', 'federation_officer', 'auditor')
  @Get()
  @ApiOkResponse({ type: CadresViewDto })
  async list(
    @Param('id', ParseUUIDPipe) unionId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CadresViewDto> {
    const { state, version } = await loadEstablishedUnionInScope(this.store, user, unionId);
    response.setHeader('ETag', `"${version}"`);

    return {
      unionId,
      unionName: state.name,
      cadres: state.status === 'Registered' ? (state.cadres ?? []) : [],
    };
  }
}
